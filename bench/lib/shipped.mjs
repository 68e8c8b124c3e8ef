// What a site ships for a search box: the library's code as a bundler would
// emit it for the browser, plus the index and text files. Static hosts serve
// these compressed, so each file is also measured gzip'd and brotli'd.
import { build } from 'esbuild';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// The same bundler and settings for every library, so the code sizes compare.
export async function bundleForBrowser(entry) {
  const result = await build({
    stdin: { contents: entry, resolveDir: BENCH_DIR, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

// Highest levels: these files are compressed once, at deploy time. A file
// that is already compressed (Pagefind gzips its chunks) is served as it is.
export function sizes(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const bytes of Object.values(files)) {
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
    total.raw += bytes.length;
    total.gzip += Math.min(gzip, bytes.length);
    total.brotli += Math.min(brotli, bytes.length);
  }
  return total;
}
