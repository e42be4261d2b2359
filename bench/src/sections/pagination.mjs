// pagination: the core Paginator (one page fetched ahead while the consumer works) against a plain sequential
// loop, on a server that takes 5 ms per page, with 5 ms of asynchronous work per page in the consumer (writing the
// batch somewhere). Then 1,000,000 items through the Paginator, sampling the heap after forced GCs.
import { paginateOffset } from '@x/core';
import { atMost, interleavedRounds, median, sectionResult } from '../lib/measure.mjs';
import { startServer } from '../lib/server.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function pagination({ quick }) {
  const pages = quick ? 50 : 200;
  const pageSize = 100;
  const total = pages * pageSize;
  const delayMs = 5;
  const workMs = 5;
  const rounds = quick ? 3 : 5;
  const heapItems = quick ? 100_000 : 1_000_000;
  const server = await startServer('pages');
  try {
    const getPage = async (offset, limit, extra = `&total=${total}&delay=${delayMs}`, signal) => {
      const response = await fetch(`${server.url}/items?offset=${offset}&limit=${limit}${extra}`, { signal });
      if (!response.ok) throw new Error(`page at ${offset}: ${response.status}`);
      return response.json();
    };

    const loop = async () => {
      let seen = 0;
      for (let offset = 0; ; ) {
        const page = await getPage(offset, pageSize);
        const batch = [];
        for (const item of page.items) batch.push(item);
        seen += batch.length;
        await sleep(workMs);
        offset += page.items.length;
        if (page.items.length < pageSize || offset >= page.total) break;
      }
      if (seen !== total) throw new Error(`the loop saw ${seen} of ${total} items`);
    };

    const paginator = async () => {
      let seen = 0;
      let batch = [];
      const items = paginateOffset(({ offset, limit }, signal) => getPage(offset, limit, undefined, signal), { limit: pageSize });
      for await (const item of items) {
        batch.push(item);
        if (batch.length === pageSize) {
          seen += batch.length;
          batch = [];
          await sleep(workMs);
        }
      }
      seen += batch.length;
      if (seen !== total) throw new Error(`the Paginator saw ${seen} of ${total} items`);
    };

    await loop();
    await paginator();
    const { wall } = await interleavedRounds({ loop, paginator }, rounds);
    const loopMs = median(wall.loop);
    const paginatorMs = median(wall.paginator);

    const heap = await heapGrowth(server.url, heapItems);

    return sectionResult({
      figures: {
        loop_ms: loopMs,
        paginator_ms: paginatorMs,
        paginator_vs_loop: paginatorMs / loopMs,
        heap_items: heapItems,
        paginator_heap_growth_mb: heap.paginatorMb,
      },
      targets: {
        paginator_vs_loop: atMost(0.6),
        paginator_heap_growth_mb: atMost(20),
      },
      notes: [
        `${total} items over ${pages} pages of ${pageSize}; the server waits ${delayMs} ms per page; the consumer awaits ${workMs} ms per page; median of ${rounds} rounds.`,
        `Heap: ${heapItems} items in pages of 1,000 from the same server; peak of heapUsed sampled after a forced GC every 20 pages, minus heapUsed before.`,
      ],
    });
  } finally {
    await server.close();
  }
}

async function heapGrowth(url, items) {
  if (typeof globalThis.gc !== 'function') throw new Error('Run with node --expose-gc to measure heap growth.');
  const pageSize = 1_000;
  const fetchPage = async ({ offset, limit }, signal) => {
    const response = await fetch(`${url}/items?offset=${offset}&limit=${limit}&total=${items}&delay=0`, { signal });
    return response.json();
  };
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let count = 0;
  let pages = 0;
  for await (const item of paginateOffset(fetchPage, { limit: pageSize })) {
    count += item.index >= 0 ? 1 : 0;
    if (count % pageSize === 0 && ++pages % 20 === 0) {
      globalThis.gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  globalThis.gc();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  if (count !== items) throw new Error(`the Paginator saw ${count} of ${items} items`);
  return { paginatorMb: (peak - before) / 2 ** 20 };
}
