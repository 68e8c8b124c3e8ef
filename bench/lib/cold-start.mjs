// One cold start, in a process of its own so that nothing is warm: the shipped
// files are already in memory (as after download); timed is evaluating the
// library code, loading the index and answering the first query.
//   node cold-start.mjs <adapter module URL> <files dir> <query> <k>
import fs from 'node:fs';
import path from 'node:path';

const [adapterModule, dir, query, k] = process.argv.slice(2);
const files = Object.fromEntries(
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, file).split(path.sep).join('/'), new Uint8Array(fs.readFileSync(file))];
    }),
);

const start = performance.now();
const { default: adapter } = await import(adapterModule);
const searcher = await adapter.load(files);
const ids = await adapter.search(searcher, query, Number(k));
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ ms, ids }));
await adapter.close?.();
