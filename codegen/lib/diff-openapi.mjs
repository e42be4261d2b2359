// What changed between the project's OpenAPI schema and a pulled one: operations added and removed, and each
// kept operation's parameter changes. Operations match on method and path shape, since a provider may rename
// a path parameter ({ref} -> {project_ref}) or an operationId without the route changing.
import { listOperations, resolveRef } from './openapi-walk.mjs';

/** @typedef {{ method: string, path: string, operationId: string | undefined }} OperationRef */
/**
 * @typedef {OperationRef & { renamedFrom?: string, addedParams: string[], removedParams: string[], changedParams: string[] }} OperationChange
 * @typedef {{ added: OperationRef[], removed: OperationRef[], changed: OperationChange[] }} OpenAPIDiff
 */

const routeKey = (/** @type {{ method: string, path: string }} */ o) => `${o.method.toUpperCase()} ${o.path.replace(/\{[^}]*\}/g, '{}')}`;
const ref = (/** @type {import('./openapi-walk.mjs').Operation} */ o) => ({ method: o.method.toUpperCase(), path: o.path, operationId: o.operationId });
const paramKey = (/** @type {{ in: string, name: string }} */ p) => `${p.in} ${p.name}`;

/**
 * A short, comparable description of a parameter's contract. Schemas are resolved first: one side may name a
 * component where the other writes the same schema inline.
 * @param {Record<string, any>} doc
 * @param {import('./openapi-walk.mjs').Parameter} p
 */
function paramShape(doc, p) {
  const schema = resolveRef(doc, p.schema) ?? {};
  const type = schema.type ?? (schema.oneOf || schema.anyOf ? 'union' : 'any');
  const enumPart = Array.isArray(schema.enum) ? ` enum(${schema.enum.join('|')})` : '';
  return `${p.required ? 'required' : 'optional'} ${type}${enumPart}`;
}

/**
 * @param {Record<string, any>} current the project's schema
 * @param {Record<string, any>} pulled the provider's published description
 * @param {{ ignoreHeaders?: string[] }} [options] lower-case header names the project declares on purpose
 * @returns {OpenAPIDiff}
 */
export function diffOpenAPI(current, pulled, { ignoreHeaders = [] } = {}) {
  const params = (/** @type {Record<string, any>} */ doc, /** @type {import('./openapi-walk.mjs').Operation} */ o) =>
    new Map(o.parameters.filter((p) => !(p.in === 'header' && ignoreHeaders.includes(p.name.toLowerCase()))).map((p) => [paramKey(p), paramShape(doc, p)]));
  const before = new Map(listOperations(current).map((o) => [routeKey(o), o]));
  const after = new Map(listOperations(pulled).map((o) => [routeKey(o), o]));
  /** @type {OpenAPIDiff} */
  const diff = { added: [], removed: [], changed: [] };
  for (const [key, operation] of after) if (!before.has(key)) diff.added.push(ref(operation));
  for (const [key, operation] of before) if (!after.has(key)) diff.removed.push(ref(operation));
  for (const [key, mine] of before) {
    const theirs = after.get(key);
    if (!theirs) continue;
    const mineParams = params(current, mine);
    const theirParams = params(pulled, theirs);
    const addedParams = [...theirParams].filter(([k]) => !mineParams.has(k)).map(([k, shape]) => `${k} (${shape})`);
    const removedParams = [...mineParams.keys()].filter((k) => !theirParams.has(k));
    const changedParams = [...theirParams]
      .filter(([k, shape]) => mineParams.has(k) && mineParams.get(k) !== shape)
      .map(([k, shape]) => `${k}: ${mineParams.get(k)} -> ${shape}`);
    const renamed = mine.operationId !== theirs.operationId ? mine.operationId : undefined;
    if (addedParams.length || removedParams.length || changedParams.length || renamed !== undefined) {
      diff.changed.push({ ...ref(theirs), ...(renamed !== undefined ? { renamedFrom: renamed } : {}), addedParams, removedParams, changedParams });
    }
  }
  return diff;
}
