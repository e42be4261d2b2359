import type { KeySchema } from './key-schema';

/** How the first sync treats what is already in Hasura Cloud. */
export type InitialSyncBehavior = 'overwrite-destination' | 'import-prioritize-source' | 'import-prioritize-destination';

/** What a sync does (or, on a dry run, would do). Keys are Hasura keys except in `import`. */
export interface SyncPlan {
  /** Keys written that Hasura did not have. */
  create: string[];
  /** Keys whose Hasura value is replaced. */
  update: string[];
  /** Keys removed from Hasura. */
  delete: string[];
  /** Values found in Hasura that the source should take in (source keys, schema stripped): import behaviours only. */
  import: Record<string, string>;
}

/** The inputs of a plan. */
export interface PlanInput {
  destination: Record<string, string>;
  source: Record<string, string>;
  schema: KeySchema;
  initialSyncBehavior: InitialSyncBehavior;
  isInitialSync: boolean;
  disableDeletion: boolean;
}

/** Keys that belong to Hasura itself (admin secret, database URL...): never deleted by a sync. */
export const PROTECTED_PREFIX = 'HASURA_';

/**
 * The reconcile of a secret manager's sync: on the initial sync with an import behaviour, Hasura's managed values
 * are imported first (new keys always; differing non-empty values only when the destination has priority); then
 * every source entry is written under its schema name, and managed Hasura keys missing from the source are deleted
 * unless deletion is disabled or the key starts with HASURA_.
 */
export function planSync(input: PlanInput): { plan: SyncPlan; upsert: Record<string, string> } {
  const { destination, schema } = input;
  const imported: Record<string, string> = {};
  if (input.isInitialSync && input.initialSyncBehavior !== 'overwrite-destination') {
    for (const [hasuraKey, value] of Object.entries(destination)) {
      const key = schema.strip(hasuraKey);
      if (key === undefined || key === '') continue;
      if (!(key in input.source)) imported[key] = value;
      else if (value !== '' && value !== input.source[key] && input.initialSyncBehavior === 'import-prioritize-destination') imported[key] = value;
    }
  }
  const desired: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...input.source, ...imported })) desired[schema.render(key)] = value;

  const upsert: Record<string, string> = {};
  const create: string[] = [];
  const update: string[] = [];
  for (const [key, value] of Object.entries(desired)) {
    if (!(key in destination)) create.push(key);
    else if (destination[key] !== value) update.push(key);
    else continue;
    upsert[key] = value;
  }
  const remove = input.disableDeletion
    ? []
    : Object.keys(destination).filter((key) => schema.matches(key) && !(key in desired) && !key.startsWith(PROTECTED_PREFIX));
  return { plan: { create: create.sort(), update: update.sort(), delete: remove.sort(), import: sortRecord(imported) }, upsert };
}

function sortRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
