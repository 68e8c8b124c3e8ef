import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'fahras';
import { toJsonl } from '../lib/jsonl.mjs';

const INDEX_FILE = 'index.bin';
const REPO_DIR = fileURLToPath(new URL('../..', import.meta.url));
let cli;

// cargo names the binary it built, wherever CARGO_TARGET_DIR puts it.
function buildCli() {
  const messages = execFileSync(
    'cargo',
    ['build', '--release', '--quiet', '--bin', 'fahras', '--message-format=json-render-diagnostics'],
    { cwd: REPO_DIR, maxBuffer: 64 << 20, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const executable = messages
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .find((m) => m.reason === 'compiler-artifact' && m.executable)?.executable;
  if (!executable) throw new Error('cargo did not report the fahras executable');
  return executable;
}

export default {
  name: 'Fahras',
  packages: ['fahras'],
  setup: 'index built by the CLI (fahras index docs.jsonl -o index.bin), searched through the npm package',
  snippet: 'keeps the text in its index; search returns the snippet',
  runtimeEntry: "export { load } from 'fahras';",
  // The one file of data it ships, which the browser measurement also loads.
  indexFile: INDEX_FILE,

  // Compiling the CLI is the site's one-time tooling, not indexing work.
  prepare() {
    cli ??= buildCli();
  },
  // The CLI's input is JSONL; writing it is part of what a site's build does.
  build(docs) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fahras-bench-'));
    try {
      const input = path.join(dir, 'docs.jsonl');
      const output = path.join(dir, 'index.bin');
      fs.writeFileSync(input, toJsonl(docs));
      execFileSync(cli, ['index', input, '-o', output], { stdio: ['ignore', 'ignore', 'pipe'] });
      return new Uint8Array(fs.readFileSync(output));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  serialize(index) {
    return { [INDEX_FILE]: index };
  },
  load(files) {
    return load(files[INDEX_FILE]);
  },
  search(engine, query, k) {
    return engine.search(query, { limit: k }).map((hit) => hit.id);
  },
};
