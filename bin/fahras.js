#!/usr/bin/env node
// npx fahras: index documents and sites, build a search bundle, search from a shell.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCommand } from '../js/command.js';
import { writeBundle, writeSplitBundle } from '../js/bundle.js';

const BUILD_USAGE = 'usage: fahras build <file|dir>... --out <dir> [--page <page.html>] [--split]';

async function build(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      page: { type: 'string' },
      split: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(BUILD_USAGE);
    return 0;
  }
  if (!values.out || positionals.length === 0) throw new Error(`build needs inputs and --out <dir>\n${BUILD_USAGE}`);
  const started = performance.now();
  // A split index goes into index/, beside a script with no index inside.
  const indexPath = join(values.out, values.split ? 'index/' : 'search.idx');
  await mkdir(values.out, { recursive: true });
  // The indexer's progress and warnings are the command's own.
  // The bundle may be written inside the site it indexes: never index it.
  const split = values.split ? ['--split'] : [];
  const code = await runCommand(['index', ...positionals, ...split, '-o', indexPath, '--exclude', values.out]);
  if (code !== 0) return code;
  const sizes = values.split
    ? await writeSplitBundle(values.out, { page: values.page })
    : await writeBundle(new Uint8Array(await readFile(indexPath)), values.out, { page: values.page });
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const files = Object.entries(sizes).map(([name, n]) => `${name} ${kib(n)}`).join(', ');
  console.error(`wrote ${values.out}: ${files} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
try {
  process.exitCode = command === 'build' ? await build(rest) : await runCommand(process.argv.slice(2));
} catch (error) {
  console.error(error.message.startsWith('fahras:') ? error.message : `fahras: ${error.message}`);
  process.exitCode = 2;
}
