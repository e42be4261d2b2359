// Walks an OpenAPI document's operations with local $refs resolved and path-level parameters merged in, so the
// operation table and the pull report read every operation the same way.

/** The HTTP methods an OpenAPI path item may hold, in the order openapi-typescript lists them. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Resolves local `#/...` references until a non-reference node is reached.
 * @param {Record<string, any>} doc
 * @param {any} node
 */
export function resolveRef(doc, node) {
  const seen = new Set();
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, found "${ref}".`);
    if (seen.has(ref)) throw new Error(`Circular $ref "${ref}".`);
    seen.add(ref);
    node = ref
      .slice(2)
      .split('/')
      .map((/** @type {string} */ part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((/** @type {any} */ parent, /** @type {string} */ key) => (parent == null ? undefined : parent[key]), doc);
    if (node === undefined) throw new Error(`Unresolved $ref "${ref}".`);
  }
  return node;
}

/**
 * @typedef {{ name: string, in: string, required: boolean, schema?: any }} Parameter
 * @typedef {{
 *   operationId: string | undefined, method: string, path: string, summary: string | undefined,
 *   deprecated: boolean, parameters: Parameter[], requestBody: any, responses: Record<string, any>
 * }} Operation
 */

/**
 * Every operation in document order, references resolved one level deep (parameters, body, responses).
 * @param {Record<string, any>} doc
 * @returns {Operation[]}
 */
export function listOperations(doc) {
  /** @type {Operation[]} */
  const result = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = resolveRef(doc, rawItem);
    const shared = (item.parameters ?? []).map((/** @type {any} */ p) => resolveRef(doc, p));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const own = (operation.parameters ?? []).map((/** @type {any} */ p) => resolveRef(doc, p));
      // An operation's own parameter overrides a path-level one with the same name and location.
      const merged = [...shared.filter((/** @type {any} */ s) => !own.some((/** @type {any} */ o) => o.name === s.name && o.in === s.in)), ...own];
      /** @type {Record<string, any>} */
      const responses = {};
      for (const [status, response] of Object.entries(operation.responses ?? {})) responses[status] = resolveRef(doc, response);
      result.push({
        operationId: operation.operationId,
        method,
        path,
        summary: operation.summary,
        deprecated: operation.deprecated === true,
        parameters: merged.map((/** @type {any} */ p) => ({ name: p.name, in: p.in, required: p.required === true, schema: p.schema })),
        requestBody: operation.requestBody ? resolveRef(doc, operation.requestBody) : undefined,
        responses,
      });
    }
  }
  return result;
}
