// Which document URLs may become links, decided by the browser's own URL
// parser (the one that would follow the link).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemo } from './widget.mjs';

const demo = useDemo();

const BASE = 'https://archive.example/news/';
const CASES = [
  ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
  ['http://example.org/', 'http://example.org/'],
  ['mailto:editor@example.org', 'mailto:editor@example.org'],
  ['article/7.html', 'https://archive.example/news/article/7.html'],
  ['/root.html', 'https://archive.example/root.html'],
  ['//cdn.example/x', 'https://cdn.example/x'],
  ['#section', 'https://archive.example/news/#section'],
  ['javascript:alert(1)', null],
  ['JAVASCRIPT:alert(1)', null],
  ['  javascript:alert(1)', null],
  ['java\tscript:alert(1)', null],
  ['java\nscript:alert(1)', null],
  ['\u0001javascript:alert(1)', null],
  ['data:text/html,<script>alert(1)</script>', null],
  ['vbscript:msgbox(1)', null],
  ['file:///etc/passwd', null],
  ['blob:https://example.org/uuid', null],
  ['http://[', null],
  ['', null],
  ['   ', null],
  [null, null],
  [undefined, null],
  [42, null],
];

test('only http:, https:, mailto: and relative URLs are linked', async () => {
  const page = await demo.open();
  const hrefs = await page.evaluate(async ({ cases, base }) => {
    const { safeHref } = await import('../widget/safe-url.js');
    return cases.map(([url]) => safeHref(url, base));
  }, { cases: CASES, base: BASE });
  assert.deepEqual(CASES.map(([url], i) => [url, hrefs[i]]), CASES.map(([url, expected]) => [url, expected]));
  await page.close();
});
