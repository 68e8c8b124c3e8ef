// The combobox keyboard contract: arrows move the active option (announced
// through aria-activedescendant), Enter selects it, Escape closes then clears.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INPUT, rendered, useDemo, type } from './widget.mjs';

const demo = useDemo();

const activeOption = (state) => state.options.findIndex((option) => option.selected);

test('ArrowDown/ArrowUp move the active option and wrap around', async () => {
  const page = await demo.open();
  const input = page.locator(INPUT);
  const typed = await type(page, 'حلب');
  const count = typed.options.length;
  assert.ok(count >= 2, `«حلب» matches several articles; got ${count}`);
  assert.equal(activeOption(typed), -1, 'no option is active before the arrows are used');
  assert.equal(typed.activeDescendant, null);

  await input.press('ArrowDown');
  let state = await rendered(page);
  assert.equal(activeOption(state), 0);
  assert.equal(state.activeDescendant, state.options[0].domId);

  await input.press('ArrowDown');
  state = await rendered(page);
  assert.equal(activeOption(state), 1);
  assert.equal(state.activeDescendant, state.options[1].domId);

  await input.press('ArrowUp');
  await input.press('ArrowUp');
  state = await rendered(page);
  assert.equal(activeOption(state), count - 1, 'ArrowUp from the first option wraps to the last');
  assert.equal(state.activeDescendant, state.options[count - 1].domId);
  assert.equal(await input.evaluate((element) => element === element.getRootNode().activeElement), true,
    'focus stays in the input');
  await page.close();
});

test('Enter fires fahras-select with the active hit, which then opens in the reader view', async () => {
  const page = await demo.open();
  await page.evaluate(() => {
    window.selections = [];
    document.addEventListener('fahras-select', (event) => window.selections.push(event.detail));
  });
  const input = page.locator(INPUT);
  const typed = await type(page, 'حلب');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await input.press('Enter');

  const selections = await page.evaluate(() => window.selections);
  assert.equal(selections.length, 1);
  const [hit] = selections;
  assert.equal(hit.id, typed.options[1].id);
  assert.equal(hit.title, typed.options[1].title);
  assert.ok(Array.isArray(hit.snippet) && typeof hit.score === 'number', 'the detail is the engine hit');
  assert.equal(await page.locator('fahras-search [part~="reader-title"]').textContent(), hit.title);
  await page.close();
});

test('a click selects too', async () => {
  const page = await demo.open();
  const typed = await type(page, 'رونالدو');
  const selected = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('fahras-select', (event) => resolve(event.detail.id), { once: true });
  }));
  await page.locator('fahras-search [role="option"]').first().click();
  assert.equal(await selected, typed.options[0].id);
  await page.close();
});

test('Escape closes the listbox, then clears the query', async () => {
  const page = await demo.open();
  const input = page.locator(INPUT);
  await type(page, 'حلب');
  await input.press('ArrowDown');

  await input.press('Escape');
  let state = await rendered(page);
  assert.equal(state.expanded, false);
  assert.equal(state.activeDescendant, null);
  assert.equal(state.query, 'حلب', 'the first Escape keeps the query');
  assert.equal(await page.locator('fahras-search [role="listbox"]').isVisible(), false);

  await input.press('ArrowDown');
  state = await rendered(page);
  assert.equal(state.expanded, true, 'ArrowDown reopens the listbox');
  assert.equal(activeOption(state), 0);

  await input.press('Escape');
  await input.press('Escape');
  state = await rendered(page);
  assert.equal(state.query, '');
  assert.equal(state.options.length, 0);
  assert.match(state.status, /اكتب/);
  await page.close();
});

test('after Escape, a click in the box or typing shows the results again', async () => {
  const page = await demo.open();
  const input = page.locator(INPUT);
  const typed = await type(page, 'حلب');
  await input.press('Escape');
  assert.equal((await rendered(page)).expanded, false);

  await input.click();
  let state = await rendered(page);
  assert.equal(state.expanded, true, 'a click reopens the listbox');
  assert.equal(await page.locator('fahras-search [role="listbox"]').isVisible(), true);
  assert.deepEqual(state.options.map((o) => o.id), typed.options.map((o) => o.id));
  assert.equal(state.query, 'حلب');

  await input.press('Escape');
  await type(page, ' ');
  state = await rendered(page);
  assert.equal(state.expanded, true, 'typing reopens it');
  assert.ok(state.options.length > 0);
  await page.close();
});
