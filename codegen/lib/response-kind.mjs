// Decides how the runtime reads each operation's success body and which request content types it may send.
// The kind is recorded per operation because openapi-fetch must be told up front how to parse the body.

/** @typedef {'json' | 'text' | 'binary' | 'none'} ResponseKind */

const isSuccess = (/** @type {string} */ status) => /^2(\d\d|XX)$/i.test(status);
const isJson = (/** @type {string} */ type) => type === '*/*' || /^application\/([\w.+-]*\+)?json\b/i.test(type);
const isText = (/** @type {string} */ type) => /^text\//i.test(type);

/**
 * The content types of every 2xx response, in document order without repeats.
 * @param {Record<string, any>} responses resolved response objects by status
 */
export function successContentTypes(responses) {
  const types = new Set();
  for (const [status, response] of Object.entries(responses)) {
    if (!isSuccess(status)) continue;
    for (const type of Object.keys(response?.content ?? {})) types.add(type);
  }
  return [...types];
}

/**
 * 'none' when no 2xx response has content; 'binary' when one offers application/octet-stream (the caller wants
 * the bytes even if JSON is also offered) or nothing JSON or text is; 'text' for text/* only; else 'json'.
 * @param {Record<string, any>} responses
 * @returns {ResponseKind}
 */
export function responseKind(responses) {
  const types = successContentTypes(responses);
  if (types.length === 0) return 'none';
  if (types.some((type) => type.toLowerCase() === 'application/octet-stream')) return 'binary';
  if (types.some(isJson)) return 'json';
  if (types.every(isText)) return 'text';
  return 'binary';
}

/**
 * The request body's content types with application/json first when present; undefined without a body.
 * @param {any} requestBody a resolved request body object
 * @returns {{ required: boolean, contentTypes: string[] } | undefined}
 */
export function requestBodySpec(requestBody) {
  if (!requestBody) return undefined;
  const types = Object.keys(requestBody.content ?? {});
  if (types.length === 0) return undefined;
  const ordered = types.includes('application/json') ? ['application/json', ...types.filter((t) => t !== 'application/json')] : types;
  return { required: requestBody.required === true, contentTypes: ordered };
}
