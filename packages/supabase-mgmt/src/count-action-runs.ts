import { encodePathParam, XError, type RequestOptions } from '@x/core';
import type { HelperContext } from './helper-context';

/**
 * How many action runs a project has: `HEAD /v1/projects/{ref}/actions` answers with no body and the total in
 * `X-Total-Count`. The generated method for that operation has no body to return, so this reads the header.
 */
export async function countActionRuns(context: HelperContext, params: { ref: string }, options: RequestOptions = {}): Promise<number> {
  const ref = encodePathParam('ref', params?.ref);
  // The options go to the transport as they are (signal and headers included), as the named methods' do.
  const response = await context.transport.fetch(`${context.baseUrl}/v1/projects/${ref}/actions`, { method: 'HEAD' }, { ...options, operation: options.operation ?? 'countActionRuns' });
  if (!response.ok) throw await context.transport.errorFromResponse(response, { operation: 'countActionRuns', method: 'HEAD' });
  const header = response.headers.get('x-total-count');
  const count = header === null ? Number.NaN : Number(header);
  if (!Number.isInteger(count) || count < 0) {
    throw new XError(`Supabase answered countActionRuns without a usable X-Total-Count header (got ${header === null ? 'none' : JSON.stringify(header)}); use paginateActionRuns to count instead.`, {
      provider: context.transport.provider.name,
      operation: 'countActionRuns',
      method: 'HEAD',
    });
  }
  return count;
}
