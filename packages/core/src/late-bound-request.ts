/**
 * A `Request` constructor that builds the global `Request` of the moment. openapi-fetch captures `Request` when a
 * client is made; msw (and other interceptors) replace `Request` and `Headers` when they start, and a Request of the
 * old class silently drops headers built with the new one (the JSON content type). Handing this to openapi-fetch
 * keeps the two in step, whenever the client was made.
 */
export const LateBoundRequest = function LateBoundRequest(input: RequestInfo | URL, init?: RequestInit) {
  return new globalThis.Request(input, init);
} as unknown as typeof Request;
