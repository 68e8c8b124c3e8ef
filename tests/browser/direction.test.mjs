// Right-to-left from the first moment: the empty box and its placeholder, a
// query of digits, and documents whose text happens to start with a Latin
// phrase all run right to left; only a query that starts with a Latin letter
// runs left to right.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INPUT, type, useCorpus } from './widget.mjs';

const LATIN_FIRST = 'October 7, 2023 وقال الشاهد إن القصف استمر حتى الفجر';
const corpus = useCorpus([
  { id: 'latin-first', title: 'BBC Arabic: شهادات من غزة', text: `عنوان\n${LATIN_FIRST}` },
  { id: 'arabic', title: 'تقرير', text: 'وقال الشاهد إن عام 2023 كان صعبا' },
]);

const layout = (locator) => locator.evaluate((element) => {
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return { dir: element.dir, direction: style.direction, textAlign: style.textAlign, left: box.left, right: box.right };
});

test('the empty box, its placeholder and a query of digits run right to left', async () => {
  const page = await corpus.open();
  const input = page.locator(INPUT);
  const empty = await layout(input);
  assert.equal(empty.direction, 'rtl', 'the placeholder sits on the right, its ellipsis on the left');
  assert.ok(['start', 'right'].includes(empty.textAlign), `text-align ${empty.textAlign}`);

  await type(page, '2023');
  assert.equal((await layout(input)).direction, 'rtl', 'a query of digits is right-aligned');
  await input.fill('٢٠٢٣');
  assert.equal((await layout(input)).direction, 'rtl');
  await input.fill('');
  await type(page, 'October');
  assert.equal((await layout(input)).direction, 'ltr', 'a Latin query runs left to right');
  await input.fill('');
  assert.equal((await layout(input)).direction, 'rtl', 'emptied, the box is right-to-left again');
  await page.close();
});

test('a snippet and a title that start with a Latin phrase keep the document right-to-left', async () => {
  const page = await corpus.open();
  const state = await type(page, 'الشاهد');
  assert.ok(state.options.some((option) => option.id === 'latin-first'), `status: ${state.status}`);
  const option = page.locator('fahras-search [role="option"][data-id="latin-first"]');
  const snippet = await layout(option.locator('[part~="snippet"]'));
  const title = await layout(option.locator('[part~="title"]'));
  assert.equal(snippet.direction, 'rtl');
  assert.equal(title.direction, 'rtl');
  // Laid out right to left, the Latin phrase that starts the text is at the line's right end.
  const [latin, arabic] = await option.locator('[part~="snippet"]').evaluate((element) => {
    const text = element.firstChild.nodeType === Node.TEXT_NODE ? element.firstChild : element.firstChild.firstChild;
    const range = document.createRange();
    const box = (from, to) => {
      range.setStart(text, from);
      range.setEnd(text, to);
      return range.getBoundingClientRect();
    };
    const at = text.data.indexOf('October');
    return [box(at, at + 7), box(at + 'October 7, 2023 '.length, at + 'October 7, 2023 وقال'.length)];
  });
  assert.ok(latin.right > arabic.right, `«October» (${latin.left}–${latin.right}) comes before «وقال» (${arabic.left}–${arabic.right}) in reading order`);
  await page.close();
});
