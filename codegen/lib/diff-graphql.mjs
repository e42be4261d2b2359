// What changed between the project's SDL and a pulled one: named types added and removed, and the fields (or
// enum values) added and removed on the types both have.
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';

/**
 * @typedef {{ type: string, added: string[], removed: string[] }} TypeChange
 * @typedef {{ addedTypes: string[], removedTypes: string[], changedTypes: TypeChange[] }} GraphQLDiff
 */

/** The member names of a type: fields, input fields or enum values; none for scalars and unions. */
function members(/** @type {import('graphql').GraphQLNamedType} */ type) {
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) return Object.keys(type.getFields());
  if (isEnumType(type)) return type.getValues().map((value) => value.name);
  return [];
}

/** Named types that are not GraphQL's own (introspection types and built-in scalars). */
function ownTypes(/** @type {import('graphql').GraphQLSchema} */ schema) {
  const builtIn = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
  return new Map(Object.entries(schema.getTypeMap()).filter(([name]) => !name.startsWith('__') && !builtIn.has(name)));
}

/**
 * @param {string} currentSdl the project's schema
 * @param {string} pulledSdl the provider's schema
 * @returns {GraphQLDiff}
 */
export function diffGraphQL(currentSdl, pulledSdl) {
  // The project's SDL may use `extend type`; buildSchema folds extensions in. Validation is skipped because a
  // report on a half-valid schema is still worth having.
  const before = ownTypes(buildSchema(currentSdl, { assumeValidSDL: true }));
  const after = ownTypes(buildSchema(pulledSdl, { assumeValidSDL: true }));
  /** @type {GraphQLDiff} */
  const diff = { addedTypes: [], removedTypes: [], changedTypes: [] };
  for (const name of [...after.keys()].sort()) if (!before.has(name)) diff.addedTypes.push(name);
  for (const name of [...before.keys()].sort()) if (!after.has(name)) diff.removedTypes.push(name);
  for (const name of [...before.keys()].sort()) {
    const theirs = after.get(name);
    if (!theirs) continue;
    const mine = new Set(members(/** @type {any} */ (before.get(name))));
    const pulled = new Set(members(theirs));
    const added = [...pulled].filter((m) => !mine.has(m)).sort();
    const removed = [...mine].filter((m) => !pulled.has(m)).sort();
    if (added.length || removed.length) diff.changedTypes.push({ type: name, added, removed });
  }
  return diff;
}
