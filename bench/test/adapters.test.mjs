// Every peer goes through the whole path the bench takes, on the default
// corpus, so that a broken adapter fails here and not in the middle of a run.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { loadAdapters } from '../adapters/index.mjs';
import { CORPORA, loadCorpus } from '../lib/corpora.mjs';
import { bundleForBrowser } from '../lib/shipped.mjs';

const docs = loadCorpus(CORPORA.find((c) => c.name === 'default'));
// Words of two different articles, spelled as in the text: every peer, with
// or without Arabic analysis, should find the article.
const QUERIES = [
  { q: 'ريال مدريد', id: '000' },
  { q: 'حلب الغربي', id: '004' },
];

const peers = await loadAdapters();
after(() => Promise.all(peers.map(({ adapter }) => adapter.close?.())));

test('the default corpus has the ids the seed queries use', () => {
  assert.deepEqual(docs.map((d) => d.id), ['000', '001', '002', '003', '004']);
  assert.ok(docs.every((d) => d.title && d.text.includes(d.title)));
});

for (const { adapter } of peers) {
  test(`${adapter.name}: builds, serializes, loads and finds`, async () => {
    await adapter.prepare?.();
    const files = await adapter.serialize(await adapter.build(docs), docs);
    assert.ok(Object.keys(files).length > 0);
    for (const bytes of Object.values(files)) assert.ok(bytes instanceof Uint8Array && bytes.length > 0);

    const searcher = await adapter.load(files);
    for (const { q, id } of QUERIES) {
      const ids = await adapter.search(searcher, q, 10);
      assert.ok(ids.includes(id), `${q} → ${ids.join(', ')}`);
      assert.ok(ids.length <= 10);
    }
    assert.ok(adapter.setup && adapter.snippet);
    if (adapter.runtimeEntry) assert.ok((await bundleForBrowser(adapter.runtimeEntry)).length > 1000);
  });
}
