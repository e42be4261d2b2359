import { describe, expect, it } from 'vitest';
import { Paginator, paginateOffset, paginateToken, type Page } from '../src/index';
import { VirtualClock } from '../src/testing/index';

const ITEMS = Array.from({ length: 7 }, (_, i) => `item-${i + 1}`);

/** A list served `size` at a time by offset, recording every fetch and the peak of fetches in flight. */
function offsetServer<T = string>(items: T[] = ITEMS as T[], options: { total?: boolean; clock?: VirtualClock; delayMs?: number } = {}) {
  const log = { offsets: [] as number[], inFlight: 0, peak: 0 };
  const fetch = async ({ offset, limit }: { offset: number; limit: number }) => {
    log.offsets.push(offset);
    log.inFlight += 1;
    log.peak = Math.max(log.peak, log.inFlight);
    if (options.clock) await new Promise<void>((resolve) => options.clock!.setTimeout(resolve, options.delayMs ?? 100));
    else await Promise.resolve();
    log.inFlight -= 1;
    return { items: items.slice(offset, offset + limit), ...(options.total ? { total: items.length } : {}) };
  };
  return { fetch, log };
}

/** A list served by opaque tokens (`t2`, `t3`...), the way cursor and keyset APIs do. */
function tokenServer(items = ITEMS, size = 3) {
  const tokens: Array<string | undefined> = [];
  const fetch = async (token: string | undefined) => {
    tokens.push(token);
    const start = token ? Number(token.slice(1)) : 0;
    const next = start + size < items.length ? `t${start + size}` : null;
    return { items: items.slice(start, start + size), next };
  };
  return { fetch, tokens };
}

describe('offset/limit pagination', () => {
  it('iterates every item across pages and stops on a short page', async () => {
    const server = offsetServer();
    expect(await paginateOffset(server.fetch, { limit: 3 }).toArray()).toEqual(ITEMS);
    expect(server.log.offsets).toEqual([0, 3, 6]);
  });

  it('stops when the reported total is reached, without asking for an empty page', async () => {
    const server = offsetServer(ITEMS.slice(0, 6), { total: true });
    const paginator = paginateOffset(server.fetch, { limit: 3 });
    expect(await paginator.toArray()).toHaveLength(6);
    expect(server.log.offsets).toEqual([0, 3]);
    expect(paginator.total).toBe(6);
  });

  it('asks once more when a full last page comes without a total, then stops on the empty one', async () => {
    const server = offsetServer(ITEMS.slice(0, 6));
    expect(await paginateOffset(server.fetch, { limit: 3 }).toArray()).toHaveLength(6);
    expect(server.log.offsets).toEqual([0, 3, 6]);
  });

  it('yields nothing for an empty list', async () => {
    expect(await paginateOffset(offsetServer([]).fetch, { limit: 3 }).toArray()).toEqual([]);
  });
});

describe('token pagination (cursor, keyset page token)', () => {
  it('follows the token the server hands back until there is none', async () => {
    const server = tokenServer();
    expect(await paginateToken(server.fetch).toArray()).toEqual(ITEMS);
    expect(server.tokens).toEqual([undefined, 't3', 't6']);
  });

  it('treats an empty token as the end', async () => {
    const pages = [{ items: [1, 2], next: 'k2' }, { items: [3], next: '' }];
    expect(await paginateToken(async () => pages.shift()!).toArray()).toEqual([1, 2, 3]);
  });

  it('reads a CockroachDB-style keyset answer: pagination.next_page', async () => {
    const answers: Record<string, { clusters: string[]; pagination: { next_page?: string } }> = {
      first: { clusters: ['c1', 'c2'], pagination: { next_page: 'eyJrIjoiYzIifQ' } },
      eyJrIjoiYzIifQ: { clusters: ['c3'], pagination: {} },
    };
    const clusters = paginateToken(async (page) => {
      const answer = answers[page ?? 'first']!;
      return { items: answer.clusters, next: answer.pagination.next_page, raw: answer };
    });
    expect(await clusters.toArray()).toEqual(['c1', 'c2', 'c3']);
  });
});

describe('"starting from" pagination', () => {
  it('asks for the items after the last one seen', async () => {
    const asked: Array<string | null> = [];
    const after = new Paginator<string, string | null>(
      async (last) => {
        asked.push(last);
        const start = last === null ? 0 : ITEMS.indexOf(last) + 1;
        const items = ITEMS.slice(start, start + 3);
        return { items, next: items.length === 3 ? items[2] : undefined };
      },
      null,
    );
    expect(await after.toArray()).toEqual(ITEMS);
    expect(asked).toEqual([null, 'item-3', 'item-6']);
  });
});

describe('pages and items', () => {
  it('yields whole pages with their items, next cursor and raw answer', async () => {
    const pages: Array<Page<string, string | null>> = [];
    for await (const page of paginateToken(tokenServer().fetch).pages()) pages.push(page);
    expect(pages.map((page) => page.items)).toEqual([ITEMS.slice(0, 3), ITEMS.slice(3, 6), ITEMS.slice(6)]);
    expect(pages.map((page) => page.next)).toEqual(['t3', 't6', undefined]);
  });

  it('fetches nothing until iteration starts', async () => {
    const server = tokenServer();
    const paginator = paginateToken(server.fetch);
    await Promise.resolve();
    expect(server.tokens).toEqual([]);
    await paginator.toArray();
    expect(server.tokens).toHaveLength(3);
  });

  it('stops at maxItems without fetching a page it would not hand out', async () => {
    const server = offsetServer();
    expect(await paginateOffset(server.fetch, { limit: 3, maxItems: 3 }).toArray()).toEqual(ITEMS.slice(0, 3));
    expect(server.log.offsets).toEqual([0]);
    const again = offsetServer();
    expect(await paginateOffset(again.fetch, { limit: 3, maxItems: 4 }).toArray()).toEqual(ITEMS.slice(0, 4));
    expect(again.log.offsets).toEqual([0, 3]);
  });

  it('stops at maxPages', async () => {
    const server = tokenServer();
    expect(await paginateToken(server.fetch, { maxPages: 2 }).toArray()).toEqual(ITEMS.slice(0, 6));
    expect(server.tokens).toEqual([undefined, 't3']);
  });

  it('yields nothing and fetches nothing for maxItems 0', async () => {
    const server = tokenServer();
    expect(await paginateToken(server.fetch, { maxItems: 0 }).toArray()).toEqual([]);
    expect(server.tokens).toEqual([]);
  });

  it('passes a page fetch failure to the consumer', async () => {
    let n = 0;
    const failing = paginateToken(async () => {
      if (++n === 2) throw new Error('page 2 failed');
      return { items: [1], next: 'again' };
    });
    await expect(failing.toArray()).rejects.toThrow('page 2 failed');
  });
});

describe('prefetching', () => {
  it('fetches the next page while the current one is consumed, never more than one page ahead', async () => {
    const clock = new VirtualClock({ auto: true });
    const server = offsetServer(Array.from({ length: 20 }, (_, i) => i), { clock, delayMs: 100 });
    let consumed = 0;
    let mostAhead = 0;
    for await (const page of paginateOffset(server.fetch, { limit: 4 }).pages()) {
      consumed += 1;
      // A slow consumer: plenty of time for an unbounded prefetcher to run ahead.
      await new Promise<void>((resolve) => clock.setTimeout(resolve, 1_000));
      mostAhead = Math.max(mostAhead, server.log.offsets.length - consumed);
      void page;
    }
    expect(server.log.peak).toBe(1);
    expect(mostAhead).toBe(1);
    expect(server.log.offsets).toEqual([0, 4, 8, 12, 16, 20]);
  });

  it('overlaps the consumer\'s work with the next fetch', async () => {
    const clock = new VirtualClock({ auto: true });
    const server = offsetServer(Array.from({ length: 8 }, (_, i) => i), { clock, delayMs: 100 });
    const started = clock.now();
    for await (const _ of paginateOffset(server.fetch, { limit: 4 }).pages()) await new Promise<void>((resolve) => clock.setTimeout(resolve, 100));
    // Three fetches and three 100 ms pauses, overlapped: 100 + 3 × 100 rather than 600.
    expect(clock.now() - started).toBe(400);
  });

  it('fetches only on demand with prefetch off', async () => {
    const server = tokenServer();
    const iterator = paginateToken(server.fetch, { prefetch: false }).pages()[Symbol.asyncIterator]();
    await iterator.next();
    await Promise.resolve();
    expect(server.tokens).toEqual([undefined]);
    await iterator.return?.();
  });

  it('swallows the failure of a prefetched page the consumer never reached', async () => {
    let n = 0;
    const paginator = paginateToken(async () => {
      if (++n === 2) throw new Error('never seen');
      return { items: ['a', 'b'], next: 'more' };
    });
    for await (const item of paginator) {
      expect(item).toBe('a');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
});

describe('resuming', () => {
  it('exposes the cursor of the next page so a later run resumes where this one stopped', async () => {
    const server = tokenServer();
    const first = paginateToken(server.fetch, { prefetch: false });
    const seen: string[] = [];
    for await (const page of first.pages()) {
      seen.push(...page.items);
      if (seen.length >= 3) break;
    }
    expect(first.cursor).toBe('t3');
    const rest = await paginateToken(server.fetch, { startAt: first.cursor }).toArray();
    expect([...seen, ...rest]).toEqual(ITEMS);
  });

  it('leaves the cursor undefined once the list is exhausted, and a second pass yields nothing', async () => {
    const paginator = paginateToken(tokenServer().fetch);
    await paginator.toArray();
    expect(paginator.cursor).toBeUndefined();
    expect(await paginator.toArray()).toEqual([]);
  });

  it('continues from the cursor when the same paginator is iterated again after a break', async () => {
    const paginator = paginateOffset(offsetServer().fetch, { limit: 3, prefetch: false });
    const firstPass: string[] = [];
    for await (const page of paginator.pages()) {
      firstPass.push(...page.items);
      break;
    }
    expect(await paginator.toArray()).toEqual(ITEMS.slice(3));
  });
});
