import { realClock, type Clock } from '../clock';
import { sleep } from '../sleep';
import { networkError, truncatedStream, type Fault } from './faults';

/** What the faulty fetch saw of one request. */
export interface RecordedCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A fetch that answers from a script of faults, one per call, then from `fallback` (default: 200 `{}`), and records
 * every request it saw (headers and body included) so tests can assert what was really sent, and how often.
 */
export function createFaultyFetch(script: Fault[], options: { fallback?: Fault | ((request: Request) => Response | Promise<Response>); clock?: Clock } = {}) {
  const queue = [...script];
  const calls: RecordedCall[] = [];
  const clock = options.clock ?? realClock;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    calls.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body });
    const fault = queue.shift() ?? options.fallback ?? { kind: 'response', status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
    if (typeof fault === 'function') return fault(request);
    // Listen on the caller's own signal: the copy on `request` follows it only weakly and may be collected.
    const signal = init?.signal ?? (input instanceof Request ? input.signal : request.signal);
    return answer(fault, signal, clock);
  };
  return { fetch, calls, remaining: () => queue.length };
}

/** Plays one fault against a request. */
export async function answer(fault: Fault, signal: AbortSignal, clock: Clock = realClock): Promise<Response> {
  switch (fault.kind) {
    case 'response':
      return new Response(fault.body === undefined || fault.body === '' || [204, 304].includes(fault.status) ? null : fault.body, { status: fault.status, headers: fault.headers });
    case 'reset':
      throw networkError('ECONNRESET');
    case 'refused':
      throw networkError('ECONNREFUSED');
    case 'hang':
      return new Promise<Response>((_, reject) => {
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    case 'slow':
      await sleep(fault.ms, signal, clock).catch(() => {
        throw signal.reason;
      });
      return answer(fault.then, signal, clock);
    case 'truncated':
      return new Response(truncatedStream(fault.body), { status: fault.status ?? 200, headers: { 'content-type': 'application/json', ...fault.headers } });
  }
}
