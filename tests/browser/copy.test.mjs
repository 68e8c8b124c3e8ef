// A reader can select a snippet's text with the mouse and copy it; the drag
// that selects does not open the hit, whether the hit is a link or not. A
// plain click still opens it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INPUT, type, useCorpus } from './widget.mjs';

const TEXT = 'قال المتحدث باسم الدفاع المدني إن فرق الإنقاذ عملت طوال الليل في أحياء المدينة القديمة';
const corpus = useCorpus([
  { id: 'unlinked', title: 'بيان الدفاع المدني', text: TEXT },
  { id: 'linked', title: 'تقرير الدفاع المدني', url: 'https://example.org/report', text: TEXT },
]);

for (const id of ['unlinked', 'linked']) {
  test(`dragging over the snippet of an ${id} hit selects its text for copying, and opens nothing`, async () => {
    const page = await corpus.open({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.evaluate(() => {
      window.selections = [];
      document.addEventListener('fahras-select', (event) => {
        window.selections.push(event.detail.id);
        event.preventDefault();
      });
    });
    const state = await type(page, 'الإنقاذ');
    assert.equal(state.options.length, 2, `status: ${state.status}`);
    const snippet = page.locator(`fahras-search [role="option"][data-id="${id}"] [part~="snippet"]`);
    const box = await snippet.boundingBox();
    const y = box.y + Math.min(box.height / 2, 12);
    // From near the right edge, where the right-to-left line starts, leftwards.
    await page.mouse.move(box.x + box.width - 4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, y, { steps: 8 });
    await page.mouse.move(box.x + box.width / 3, y, { steps: 4 });
    await page.mouse.up();

    const selected = await page.evaluate(() => document.querySelector('fahras-search').shadowRoot.getSelection().toString());
    assert.ok(selected.trim().length >= 5, `selected «${selected}»`);
    assert.ok(TEXT.includes(selected.trim()), `the selection is the snippet's own text: «${selected}»`);
    assert.deepEqual(await page.evaluate(() => window.selections), [], 'the hit was not opened');
    assert.equal(page.url(), corpus.url, 'nothing navigated');

    await page.keyboard.press('Control+C');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), selected);

    // Once the selection is gone, a click opens the hit as before.
    await page.locator(INPUT).click();
    await snippet.click();
    assert.deepEqual(await page.evaluate(() => window.selections), [id]);
    await page.close();
  });
}
