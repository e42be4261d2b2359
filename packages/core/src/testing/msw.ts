import { HttpResponse } from 'msw';
import { realClock, type Clock } from '../clock';
import { answer } from './faulty-fetch';
import type { Fault } from './faults';

/** Plays a fault as an msw answer: a reset or a refusal becomes msw's network error. */
export async function mswFault(fault: Fault, request: Request, clock: Clock = realClock): Promise<Response> {
  if (fault.kind === 'reset' || fault.kind === 'refused') return HttpResponse.error();
  return answer(fault, request.signal, clock);
}

/**
 * An msw resolver that answers the first calls from `script`, then hands over to `then`. Counts calls in `.calls`.
 * Example: `http.get(url, scripted([faults.serverError(503)], () => HttpResponse.json(ok)))`.
 */
export function scripted(script: Fault[], then: (info: { request: Request }) => Response | Promise<Response>, clock?: Clock) {
  const queue = [...script];
  const resolver = async (info: { request: Request }) => {
    resolver.calls += 1;
    const fault = queue.shift();
    return fault ? mswFault(fault, info.request, clock) : then(info);
  };
  resolver.calls = 0;
  return resolver;
}
