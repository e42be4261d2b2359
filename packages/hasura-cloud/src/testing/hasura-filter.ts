/**
 * Hasura's list arguments over plain rows: `where` (comparison operators, `_and`/`_or`/`_not`, object and array
 * relationships), `order_by` (with null placement and relationship paths), `offset` and `limit`. A row field may be
 * a function (a relationship resolved on demand).
 */
export type Row = Record<string, unknown>;

/** What a list root or array relationship accepts. */
export interface ListArgs {
  where?: Record<string, unknown> | null;
  order_by?: Array<Record<string, unknown>> | Record<string, unknown> | null;
  limit?: number | null;
  offset?: number | null;
}

/** An argument the simulator cannot evaluate: answered as a validation error. */
export class UnsupportedFilterError extends Error {}

const COMPARISONS = new Set([
  '_eq', '_neq', '_gt', '_gte', '_lt', '_lte', '_in', '_nin', '_is_null', '_like', '_nlike', '_ilike', '_nilike',
  '_similar', '_nsimilar', '_regex', '_nregex', '_iregex', '_niregex', '_contains', '_contained_in', '_has_key',
  '_has_keys_any', '_has_keys_all',
]);

/** Filters, sorts and pages rows as Hasura would. */
export function applyListArgs<T extends Row>(rows: readonly T[], args: ListArgs = {}): T[] {
  let out = args.where ? rows.filter((row) => matchesWhere(row, args.where!)) : [...rows];
  const orderBy = args.order_by ? (Array.isArray(args.order_by) ? args.order_by : [args.order_by]) : [];
  if (orderBy.length) out = stableSort(out, orderBy);
  const offset = args.offset ?? 0;
  return out.slice(offset, args.limit === null || args.limit === undefined ? undefined : offset + args.limit);
}

function field(row: Row, key: string): unknown {
  const value = row[key];
  return typeof value === 'function' ? (value as (args: object) => unknown)({}) : value;
}

/** Whether a row satisfies a `<table>_bool_exp`. */
export function matchesWhere(row: Row, where: Record<string, unknown>): boolean {
  for (const [key, expression] of Object.entries(where)) {
    if (expression === undefined) continue;
    if (key === '_and') {
      if (!(expression as Array<Record<string, unknown>>).every((part) => matchesWhere(row, part))) return false;
    } else if (key === '_or') {
      const parts = expression as Array<Record<string, unknown>>;
      if (parts.length > 0 && !parts.some((part) => matchesWhere(row, part))) return false;
    } else if (key === '_not') {
      if (matchesWhere(row, expression as Record<string, unknown>)) return false;
    } else if (!matchesField(field(row, key), expression as Record<string, unknown> | null)) {
      return false;
    }
  }
  return true;
}

function matchesField(value: unknown, expression: Record<string, unknown> | null): boolean {
  if (!expression) return true;
  const keys = Object.keys(expression);
  if (keys.length > 0 && keys.every((key) => COMPARISONS.has(key))) {
    return keys.every((operator) => compare(value, operator, expression[operator]));
  }
  // A relationship: an object relationship must match; an array relationship matches when any element does.
  if (Array.isArray(value)) return value.some((item) => matchesWhere(item as Row, expression));
  return !!value && typeof value === 'object' && matchesWhere(value as Row, expression);
}

function compare(value: unknown, operator: string, operand: unknown): boolean {
  if (operand === undefined || operand === null) return true;
  switch (operator) {
    case '_eq':
      return value !== null && value !== undefined && equal(value, operand);
    case '_neq':
      return value !== null && value !== undefined && !equal(value, operand);
    case '_gt':
      return value !== null && value !== undefined && (value as number) > (operand as number);
    case '_gte':
      return value !== null && value !== undefined && (value as number) >= (operand as number);
    case '_lt':
      return value !== null && value !== undefined && (value as number) < (operand as number);
    case '_lte':
      return value !== null && value !== undefined && (value as number) <= (operand as number);
    case '_in':
      return (operand as unknown[]).some((item) => equal(value, item));
    case '_nin':
      return value !== null && value !== undefined && !(operand as unknown[]).some((item) => equal(value, item));
    case '_is_null':
      return (value === null || value === undefined) === operand;
    case '_like':
    case '_nlike':
    case '_ilike':
    case '_nilike': {
      if (typeof value !== 'string') return false;
      const hit = likePattern(operand as string, operator.includes('ilike')).test(value);
      return operator.startsWith('_n') ? !hit : hit;
    }
    case '_similar':
    case '_nsimilar':
    case '_regex':
    case '_nregex':
    case '_iregex':
    case '_niregex': {
      if (typeof value !== 'string') return false;
      const source = operator.includes('similar') ? `^(?:${(operand as string).replace(/%/g, '.*').replace(/_/g, '.')})$` : (operand as string);
      const hit = new RegExp(source, operator.includes('iregex') ? 'i' : '').test(value);
      return operator.startsWith('_n') ? !hit : hit;
    }
    case '_contains':
      return contains(value, operand);
    case '_contained_in':
      return contains(operand, value);
    case '_has_key':
      return isObject(value) && (operand as string) in value;
    case '_has_keys_any':
      return isObject(value) && (operand as string[]).some((key) => key in value);
    case '_has_keys_all':
      return isObject(value) && (operand as string[]).every((key) => key in value);
    default:
      throw new UnsupportedFilterError(`the simulator does not support the operator ${operator}`);
  }
}

function likePattern(pattern: string, insensitive: boolean): RegExp {
  let source = '';
  for (const char of pattern) source += char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${source}$`, insensitive ? 'is' : 's');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function contains(container: unknown, part: unknown): boolean {
  if (Array.isArray(part)) return Array.isArray(container) && part.every((item) => container.some((c) => contains(c, item)));
  if (isObject(part)) return isObject(container) && Object.entries(part).every(([key, item]) => key in container && contains(container[key], item));
  return equal(container, part);
}

type Direction = 'asc' | 'asc_nulls_first' | 'asc_nulls_last' | 'desc' | 'desc_nulls_first' | 'desc_nulls_last';

function sortKeys(orderBy: Record<string, unknown>, path: string[] = []): Array<{ path: string[]; direction: Direction }> {
  return Object.entries(orderBy).flatMap(([key, value]) => {
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return [{ path: [...path, key], direction: value as Direction }];
    return sortKeys(value as Record<string, unknown>, [...path, key]);
  });
}

function valueAt(row: Row, path: string[]): unknown {
  let current: unknown = row;
  for (const key of path) {
    if (!current || typeof current !== 'object') return null;
    current = field(current as Row, key);
  }
  return current;
}

function stableSort<T extends Row>(rows: T[], orderBy: Array<Record<string, unknown>>): T[] {
  const keys = orderBy.flatMap((entry) => sortKeys(entry));
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      for (const { path, direction } of keys) {
        const x = valueAt(a.row, path);
        const y = valueAt(b.row, path);
        const descending = direction.startsWith('desc');
        // Postgres puts nulls last ascending and first descending unless told otherwise.
        const nullsFirst = direction.endsWith('nulls_first') || (descending && !direction.endsWith('nulls_last'));
        const xNull = x === null || x === undefined;
        const yNull = y === null || y === undefined;
        if (xNull || yNull) {
          if (xNull && yNull) continue;
          return (xNull ? -1 : 1) * (nullsFirst ? 1 : -1);
        }
        if (x === y) continue;
        const order = (x as number) < (y as number) ? -1 : 1;
        return descending ? -order : order;
      }
      return a.index - b.index;
    })
    .map(({ row }) => row);
}
