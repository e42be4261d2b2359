// Turns a schema diff into the plain-text report a person reads to decide what to carry into schemas/.

/** A titled block; `count` is the number of entries, which may span several lines each. */
const section = (/** @type {string} */ title, /** @type {string[]} */ lines, count = lines.length) =>
  lines.length ? [`${title} (${count}):`, ...lines.map((l) => `  ${l}`), ''] : [];
const opLine = (/** @type {import('./diff-openapi.mjs').OperationRef} */ o) => `${o.method} ${o.path}  ${o.operationId ?? '(no operationId)'}`;

/**
 * @param {import('./diff-openapi.mjs').OpenAPIDiff} diff
 * @param {{ schema: string, pulled: string }} files
 */
export function formatOpenAPIReport(diff, { schema, pulled }) {
  const changed = diff.changed.flatMap((o) => [
    opLine(o),
    ...(o.renamedFrom !== undefined ? [`  operationId was ${o.renamedFrom ?? '(none)'}`] : []),
    ...o.addedParams.map((p) => `  + ${p}`),
    ...o.removedParams.map((p) => `  - ${p}`),
    ...o.changedParams.map((p) => `  ~ ${p}`),
  ]);
  const body = [
    ...section('Operations added by the provider', diff.added.map(opLine)),
    ...section('Operations the provider no longer has', diff.removed.map(opLine)),
    ...section('Operations whose parameters changed', changed, diff.changed.length),
  ];
  return header(schema, pulled, body, 'No operations or parameters added, removed or changed.');
}

/**
 * @param {import('./diff-graphql.mjs').GraphQLDiff} diff
 * @param {{ schema: string, pulled: string }} files
 */
export function formatGraphQLReport(diff, { schema, pulled }) {
  const changed = diff.changedTypes.flatMap((t) => [t.type, ...t.added.map((m) => `  + ${m}`), ...t.removed.map((m) => `  - ${m}`)]);
  const body = [
    ...section('Types added by the provider', diff.addedTypes),
    ...section('Types the provider no longer has', diff.removedTypes),
    ...section('Types whose fields were added (+) or removed (-)', changed, diff.changedTypes.length),
  ];
  return header(schema, pulled, body, 'No types or fields added or removed.');
}

function header(/** @type {string} */ schema, /** @type {string} */ pulled, /** @type {string[]} */ body, /** @type {string} */ none) {
  const intro = [`Compared ${schema} (the project's) with ${pulled} (the provider's).`, ''];
  if (body.length === 0) return [...intro, none, ''].join('\n');
  return [...intro, ...body, `Carry what the SDK needs into ${schema} by hand, then run \`pnpm codegen\`.`, ''].join('\n');
}
