// An index that cannot be fetched or read leaves an Arabic error message in
// the widget, not an exception on the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemo, type } from './widget.mjs';

const demo = useDemo();

const BROKEN_INDEXES = {
  'a missing index file (HTTP 404)': 'missing.bin',
  'a file that is not an index': 'index.html',
};

for (const [name, index] of Object.entries(BROKEN_INDEXES)) {
  test(`${name} shows an error message`, async () => {
    const page = await demo.open();
    const uncaught = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    await page.evaluate((index) => {
      const broken = document.createElement('fahras-search');
      broken.id = 'broken';
      broken.setAttribute('index', index);
      document.body.append(broken);
    }, index);
    const error = page.locator('#broken [part~="status"].error');
    await error.waitFor();
    assert.match(await error.textContent(), /تعذّر تحميل/);

    const state = await type(page, 'حلب', '#broken');
    assert.match(state.status, /تعذّر تحميل/, 'typing keeps the error visible');
    assert.equal(state.expanded, false);
    assert.deepEqual(uncaught, []);

    assert.ok((await type(page, 'حلب', 'main fahras-search')).options.length > 0, 'the demo widget on the same page still works');
    await page.close();
  });
}
