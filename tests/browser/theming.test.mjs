// A page restyles the widget through --fahras-* custom properties and
// ::part() selectors, without reaching into its shadow tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemo, type } from './widget.mjs';

const demo = useDemo();

const PAGE_STYLE = `
  fahras-search {
    --fahras-accent: rgb(120, 0, 60);
    --fahras-mark-bg: rgb(0, 90, 200);
    --fahras-radius: 0px;
  }
  fahras-search::part(status) { letter-spacing: 3px; }
  fahras-search::part(snippet) { font-size: 21px; }
`;

test('custom properties and ::part() reach inside the widget', async () => {
  const page = await demo.open();
  await page.addStyleTag({ content: PAGE_STYLE });
  await type(page, 'حلب');
  const styles = await page.evaluate(() => {
    const root = document.querySelector('fahras-search').shadowRoot;
    const style = (part) => getComputedStyle(root.querySelector(`[part~="${part}"]`));
    return {
      title: style('title').color,
      mark: style('mark').backgroundColor,
      input: style('input').borderTopLeftRadius,
      status: style('status').letterSpacing,
      snippet: style('snippet').fontSize,
    };
  });
  assert.deepEqual(styles, {
    title: 'rgb(120, 0, 60)',
    mark: 'rgb(0, 90, 200)',
    input: '0px',
    status: '3px',
    snippet: '21px',
  });
  await page.close();
});

test('every documented part is exposed', async () => {
  const page = await demo.open();
  // A misspelling: results, and a correction offered.
  await type(page, 'رونلدو');
  const parts = await page.evaluate(() => [...document.querySelector('fahras-search').shadowRoot
    .querySelectorAll('[part]')].flatMap((element) => element.getAttribute('part').split(' ')));
  for (const part of ['label', 'input', 'status', 'listbox', 'option', 'title', 'snippet', 'mark', 'suggestions', 'suggestion']) {
    assert.ok(parts.includes(part), `part="${part}"`);
  }
  await page.close();
});
