import { APIError, ConnectionError, NotFoundError, RateLimitError, TimeoutError } from '@x/core';

declare function getProject(ref: string): Promise<unknown>;

try {
  await getProject('abcdefghijklmnopqrst');
} catch (error) {
  if (error instanceof NotFoundError) console.log('no such project', error.requestId);
  else if (error instanceof RateLimitError) console.log(`wait ${error.retryAfterMs ?? 'a while'} ms`);
  else if (error instanceof APIError) console.log(error.status, error.operation, error.attempts, error.body);
  else if (error instanceof TimeoutError || error instanceof ConnectionError) console.log('network trouble:', error.message);
  else throw error;
}
