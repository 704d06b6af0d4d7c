/** One page of a cursor-paged list, as every list route of the API answers. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every page of a cursor-paged list, one after the other, until the last (nextCursor null). */
export async function* pages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/** Every item of a cursor-paged list, optionally stopping after `max` items. */
export async function collect<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  max = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const all: T[] = [];
  for await (const items of pages(fetchPage)) {
    all.push(...items);
    if (all.length >= max) return all.slice(0, max);
  }
  return all;
}
