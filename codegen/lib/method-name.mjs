// Turns a provider's operationId into the named method a person calls: the provider prefix dropped, then
// camelCased. The published ids mix styles ("v1-get-project", "v1-Delete hostname config",
// "CockroachCloud_ListClusters"), so every separator the providers use is a word break.

/**
 * @param {string} operationId
 * @param {string} prefix the provider's prefix, removed when present (`v1-`, `CockroachCloud_`)
 */
export function methodName(operationId, prefix) {
  const bare = prefix && operationId.startsWith(prefix) ? operationId.slice(prefix.length) : operationId;
  const words = bare.split(/[-_\s./]+/).filter(Boolean);
  if (words.length === 0) throw new Error(`Operation id "${operationId}" has no name left after removing "${prefix}".`);
  const name = words.map((word, index) => (index === 0 ? lowerFirstWord(word) : word.charAt(0).toUpperCase() + word.slice(1))).join('');
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`Operation id "${operationId}" gives "${name}", which is not a valid method name.`);
  return name;
}

/** Lower-cases a leading acronym as a whole ("CMEKInfo" -> "cmekInfo", "SCIM" -> "scim") and otherwise one letter. */
function lowerFirstWord(/** @type {string} */ word) {
  return word.replace(/^[A-Z]+(?=[A-Z][a-z]|\d|$)|^[A-Z]/, (head) => head.toLowerCase());
}

/**
 * Names every operation, failing on the first two ids that would share a method name.
 * @param {string[]} operationIds
 * @param {string} prefix
 * @returns {Map<string, string>} operationId -> method name
 */
export function methodNames(operationIds, prefix) {
  /** @type {Map<string, string>} */
  const byName = new Map();
  /** @type {Map<string, string>} */
  const byId = new Map();
  for (const id of operationIds) {
    const name = methodName(id, prefix);
    const clash = byName.get(name);
    if (clash !== undefined) throw new Error(`Method name collision: operations "${clash}" and "${id}" both become "${name}". Rename one operationId in the schema.`);
    byName.set(name, id);
    byId.set(id, name);
  }
  return byId;
}
