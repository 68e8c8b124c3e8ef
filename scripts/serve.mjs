// Minimal static file server: `node scripts/serve.mjs [dir]` serves dist/ (or dir) on
// 127.0.0.1:$PORT (8080 by default). Tests import serve() to host built pages.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.bin': 'application/octet-stream',
};

async function fileFor(root, urlPath) {
  const path = resolve(root, `.${decodeURIComponent(urlPath)}`);
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    return (await stat(path)).isDirectory() ? join(path, 'index.html') : path;
  } catch {
    return null;
  }
}

export function serve(dir, { host = '127.0.0.1', port = 0 } = {}) {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    const file = await fileFor(root, new URL(request.url, 'http://x').pathname);
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done({
      url: `http://${host}:${server.address().port}/`,
      close: () => new Promise((closed) => server.close(closed)),
    }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  const { url } = await serve(dir, { port: Number(process.env.PORT ?? 8080) });
  console.log(`Serving ${dir} at ${url} (Ctrl-C to stop)`);
}
