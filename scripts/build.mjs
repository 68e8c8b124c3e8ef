// Builds the npm package's generated half and the demo:
//   pkg/fahras.wasm            the engine (no index unless FAHRAS_CORPUS is set)
//   pkg/fahras-wasm-base64.js  the same, as a module the browser entry imports
//   pkg/fahras-cli.wasm        the `fahras` command (wasm32-wasip1), run by `npx fahras`
//   pkg/fahras-classic.js      the classic-script bundle, its engine left as a placeholder
//   dist/                      the demo, made by `fahras build` itself: fahras.js,
//                              fahras.html (all inline, for file://), search.idx, index.html
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ENGINE_PLACEHOLDER } from '../js/bundle.js';

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

/** Builds `crate` for `target` and returns the .wasm path cargo reports. */
function cargoWasm(crate, target) {
  // The JSON messages name the artifact, wherever CARGO_TARGET_DIR puts it.
  const messages = run('cargo', [
    'build', '--release', '--target', target, '-p', crate, '--message-format=json-render-diagnostics',
  ], { capture: true });
  const wasm = messages.split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .filter((m) => m.reason === 'compiler-artifact' && m.package_id.includes(crate))
    .flatMap((m) => m.filenames)
    .find((file) => file.endsWith('.wasm'));
  if (!wasm) throw new Error(`cargo did not report a .wasm for ${crate}`);
  return wasm;
}

function optimize(input, output) {
  mkdirSync(at('pkg'), { recursive: true });
  run(at('node_modules', '.bin', 'wasm-opt'), ['-Oz', '--strip-debug', '--strip-producers', input, '-o', output]);
  return readFileSync(output);
}

// The classic bundle imports the engine as base64; the template keeps a
// placeholder there, which `fahras build` replaces with an engine carrying its index.
const enginePlaceholder = {
  name: 'engine-placeholder',
  setup(b) {
    b.onResolve({ filter: /fahras-wasm-base64\.js$/ }, () => ({ path: 'engine', namespace: 'placeholder' }));
    b.onLoad({ filter: /.*/, namespace: 'placeholder' }, () => ({
      contents: `export default ${JSON.stringify(ENGINE_PLACEHOLDER)};`,
    }));
  },
};

async function buildClassicTemplate() {
  const out = at('pkg', 'fahras-classic.js');
  await build({
    entryPoints: [at('js', 'classic.js')],
    outfile: out,
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [enginePlaceholder],
  });
  return readFileSync(out, 'utf8');
}

function sizes(label, data) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
  const brotli = brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });
  return `${label.padEnd(34)}${kb(Buffer.byteLength(data))}${kb(gzipSync(data, { level: 9 }).length)}${kb(brotli.length)}`;
}

const engine = optimize(cargoWasm('fahras-wasm', 'wasm32-unknown-unknown'), at('pkg', 'fahras.wasm'));
writeFileSync(at('pkg', 'fahras-wasm-base64.js'), `export default ${JSON.stringify(engine.toString('base64'))};\n`);
const cli = optimize(cargoWasm('fahras-cli', 'wasm32-wasip1'), at('pkg', 'fahras-cli.wasm'));
await buildClassicTemplate();

// The demo is made the way a user makes theirs.
const corpus = process.env.FAHRAS_CORPUS || 'corpus';
run(process.execPath, [at('bin', 'fahras.js'), 'build', corpus, '--out', 'dist', '--page', 'demo/index.html']);
copyFileSync(at('demo', 'index.html'), at('dist', 'index.html'));

console.log([
  `${''.padEnd(34)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}`,
  sizes('pkg/fahras.wasm (engine)', engine),
  sizes('pkg/fahras-wasm-base64.js', readFileSync(at('pkg', 'fahras-wasm-base64.js'))),
  sizes('pkg/fahras-cli.wasm (command)', cli),
  sizes('dist/search.idx (demo index)', readFileSync(at('dist', 'search.idx'))),
  sizes('dist/fahras.js (engine + index)', readFileSync(at('dist', 'fahras.js'))),
  sizes('dist/fahras.html (whole demo)', readFileSync(at('dist', 'fahras.html'))),
].join('\n'));
