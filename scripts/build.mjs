// Builds the wasm engine and its three deliverables:
//   pkg/            the npm package's generated half (glue, .wasm, base64 module)
//   dist/fahras.js  classic-script bundle, also copied to www/fahras.js for the demo
//   dist/fahras.html the demo page with everything inline, for file:// use
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => join(root, ...parts);

function run(command, args, { capture = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (result.error?.code === 'ENOENT') {
    throw new Error(`${command} not found: run bash scripts/setup.sh first`);
  }
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
  return result.stdout;
}

function cargoBuildWasm() {
  // The JSON messages name the artifact, wherever CARGO_TARGET_DIR puts it.
  const messages = run('cargo', [
    'build', '--release', '--target', 'wasm32-unknown-unknown', '--lib',
    '--message-format=json-render-diagnostics',
  ], { capture: true });
  const wasm = messages.split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .filter((m) => m.reason === 'compiler-artifact' && m.target.name === 'fahras')
    .flatMap((m) => m.filenames)
    .find((file) => file.endsWith('.wasm'));
  if (!wasm) throw new Error('cargo did not report a fahras .wasm artifact');
  return wasm;
}

function buildPkg(wasmFromCargo) {
  const pkg = at('pkg');
  rmSync(pkg, { recursive: true, force: true });
  // --omit-default-module-path: the glue must not refer to a .wasm URL; bundlers would try
  // to resolve it and file:// pages cannot fetch it. The bytes are always passed in.
  run('wasm-bindgen', [
    wasmFromCargo, '--target', 'web', '--out-dir', pkg, '--out-name', 'fahras',
    '--no-typescript', '--omit-default-module-path',
    '--remove-name-section', '--remove-producers-section',
  ]);
  const wasm = join(pkg, 'fahras_bg.wasm');
  run(at('node_modules', '.bin', 'wasm-opt'), ['-Oz', wasm, '-o', wasm]);
  const bytes = readFileSync(wasm);
  writeFileSync(join(pkg, 'fahras_wasm_base64.js'),
    `export default ${JSON.stringify(bytes.toString('base64'))};\n`);
  return bytes;
}

async function buildClassic() {
  mkdirSync(at('dist'), { recursive: true });
  const out = at('dist', 'fahras.js');
  await build({
    entryPoints: [at('js', 'classic.js')],
    outfile: out,
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
  });
  copyFileSync(out, at('www', 'fahras.js'));
  return readFileSync(out, 'utf8');
}

function buildHtml(classic) {
  const page = readFileSync(at('www', 'index.html'), 'utf8');
  // The page loads the engine with a deferred script in its head (and the comment above it).
  const tag = /(?:<!--(?:(?!-->)[\s\S])*-->\s*)?<script\s+src=["']?fahras\.js["']?\s+defer\s*>\s*<\/script>\s*/;
  if (!tag.test(page)) throw new Error('www/index.html has no <script src="fahras.js" defer></script> to inline');
  // An inline script cannot be deferred: it goes where a deferred one runs, after the
  // rest of the page. `</script` inside the bundle would end the element early.
  const inline = `<script>${classic.replaceAll('</script', '<\\/script')}</script>\n`;
  const html = page.replace(tag, '').replace(/<\/body>/, () => `${inline}</body>`);
  writeFileSync(at('dist', 'fahras.html'), html);
  return html;
}

function sizes(label, data) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
  const brotli = brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });
  return `${label.padEnd(34)}${kb(Buffer.byteLength(data))}${kb(gzipSync(data, { level: 9 }).length)}${kb(brotli.length)}`;
}

const wasm = buildPkg(cargoBuildWasm());
const classic = await buildClassic();
const html = buildHtml(classic);
console.log([
  `${''.padEnd(34)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}`,
  sizes('pkg/fahras_bg.wasm', wasm),
  sizes('pkg/fahras_wasm_base64.js', readFileSync(at('pkg', 'fahras_wasm_base64.js'))),
  sizes('dist/fahras.js (classic bundle)', classic),
  sizes('dist/fahras.html', html),
].join('\n'));
