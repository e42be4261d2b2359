import { paginateToken, type PaginateOptions, type Paginator, type RequestOptions } from '@x/core';
import type { NamedMethods, OperationName, operations } from './generated/operations';

type Table = typeof operations;

/** The keyset-paginated list operations: every operation that takes `pagination.page`. */
export type PaginatedOperationName = {
  [K in OperationName]: Table[K] extends { query: readonly (infer Q)[] } ? ('pagination.page' extends Q ? K : never) : never;
}[OperationName];

type Result<K extends OperationName> = Awaited<ReturnType<NamedMethods[K]>>;
type ArrayFields<T> = { [F in keyof T]-?: NonNullable<T[F]> extends readonly unknown[] ? F : never }[keyof T];

/**
 * Which response field holds the items of each paginated list. The `satisfies` clause makes the build fail when an
 * operation is added to (or removed from) the schema without this table following, or when a field is not a list.
 * `listRoleGrants` pages its user `grants`; each page's `user_group_grants` stay on the page's `raw` answer.
 */
export const LIST_FIELDS = {
  listBackups: 'backups',
  listBlackoutWindows: 'blackout_windows',
  listDatabases: 'databases',
  listAllowlistEntries: 'allowlist',
  listEgressPrivateEndpoints: 'egress_private_endpoints',
  listEgressRules: 'rules',
  listClusterNodes: 'nodes',
  listRestores: 'restores',
  listSQLUsers: 'users',
  listApiKeys: 'api_keys',
  listMajorClusterVersions: 'versions',
  listFolders: 'folders',
  listFolderContents: 'resources',
  listJWTIssuers: 'jwt_issuers',
  listPhysicalReplicationStreams: 'physical_replication_streams',
  listRoleGrants: 'grants',
  listServiceAccounts: 'service_accounts',
  listClusters: 'clusters',
  listAvailableRegions: 'regions',
} as const satisfies { [K in PaginatedOperationName]: ArrayFields<Result<K>> };

/** One item of a paginated list (a cluster for `listClusters`, a SQL user for `listSQLUsers`...). */
export type PageItem<K extends PaginatedOperationName> = NonNullable<Result<K>[(typeof LIST_FIELDS)[K] & keyof Result<K>]> extends ReadonlyArray<infer Item> ? Item : never;

/** The list operation's parameters, without `pagination.page` (the paginator owns it). */
export type PaginateParams<K extends PaginatedOperationName> = Omit<NonNullable<Parameters<NamedMethods[K]>[0]>, 'pagination.page'>;

/** Paging limits (`maxItems`, `maxPages`), `startAt` (a saved `cursor`) and request options for every page. */
export type KeysetPaginateOptions = Omit<PaginateOptions<string | null>, 'signal'> & Omit<RequestOptions, 'operation'>;

/** Arguments of `client.paginate(name, ...)`: the params are optional when nothing in them is required. */
export type PaginateArgs<K extends PaginatedOperationName> = {} extends PaginateParams<K>
  ? [params?: PaginateParams<K>, options?: KeysetPaginateOptions]
  : [params: PaginateParams<K>, options?: KeysetPaginateOptions];

/** What `client.paginate` returns: iterate items with `for await`, pages with `.pages()`, resume from `.cursor`. */
export type KeysetPaginator<K extends PaginatedOperationName> = Paginator<PageItem<K>, string | null>;

/** Every operation name that `paginate` accepts, at run time. */
export const PAGINATED_OPERATIONS = Object.keys(LIST_FIELDS) as PaginatedOperationName[];

type ListPage = { pagination?: { next_page?: string } } & Record<string, unknown>;

/**
 * Walks a keyset-paginated list: each page's `pagination.next_page` token is sent back as `pagination.page` until
 * the server stops returning one. `pagination.limit`, `pagination.sort_order` and `pagination.as_of_time` in
 * `params` are sent with every page.
 */
export function paginateList<K extends PaginatedOperationName>(
  methods: NamedMethods,
  name: K,
  params: Record<string, unknown> = {},
  options: KeysetPaginateOptions = {},
): KeysetPaginator<K> {
  const field = LIST_FIELDS[name];
  if (!field) throw new TypeError(`${String(name)} is not a paginated list operation; use one of: ${PAGINATED_OPERATIONS.join(', ')}.`);
  const { startAt, maxItems, maxPages, prefetch, signal, ...requestOptions } = options;
  const { 'pagination.page': firstPage, ...rest } = params;
  const call = methods[name] as unknown as (params: Record<string, unknown>, options: RequestOptions) => Promise<ListPage>;
  return paginateToken<PageItem<K>>(
    async (token, pageSignal) => {
      const page = await call({ ...rest, ...(token ? { 'pagination.page': token } : {}) }, { ...requestOptions, signal: pageSignal ?? null });
      const items = page[field];
      const next = page.pagination?.next_page;
      // A server handing back the token it was given would loop forever: treat that as the end.
      return { items: Array.isArray(items) ? (items as PageItem<K>[]) : [], next: next && next !== token ? next : undefined, raw: page };
    },
    { startAt: startAt ?? (typeof firstPage === 'string' ? firstPage : undefined), maxItems, maxPages, prefetch, signal: signal ?? undefined },
  );
}
