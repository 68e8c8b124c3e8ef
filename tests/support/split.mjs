// Shared by the split index tests in Node and in Chromium.

/**
 * A stream part that answering `query` fetches and answering `other` does not,
 * given `partsFor(q)`, the part files a fresh engine fetches for `q`: damaging
 * it fails the one query and not the other.
 */
export async function partOnlyFor(partsFor, query, other) {
  const theirs = await partsFor(other);
  const part = (await partsFor(query)).find((p) => p.startsWith('streams-') && !theirs.includes(p));
  if (!part) throw new Error(`no stream part is read for «${query}» and not for «${other}»`);
  return part;
}
