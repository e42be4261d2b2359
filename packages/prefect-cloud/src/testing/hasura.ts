// Hasura's generated-table semantics over in-memory rows: `where` bool expressions (with relationships), `order_by`
// with null placement, `limit`/`offset`, and `_aggregate { aggregate { count } nodes }`.

/** The arguments of a Hasura list root. */
export interface ListArgs {
  where?: unknown;
  order_by?: unknown;
  limit?: unknown;
  offset?: unknown;
  distinct_on?: unknown;
}

const COMPARISONS = new Set(['_eq', '_neq', '_gt', '_gte', '_lt', '_lte', '_in', '_nin', '_is_null', '_like', '_nlike', '_ilike', '_nilike', '_similar', '_contains', '_contained_in', '_has_key', '_has_keys_any', '_has_keys_all']);

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** Reads a column or relationship of a row view (relationships are functions of their arguments). */
function read(row: Record<string, unknown>, key: string): unknown {
  const value = row[key];
  return typeof value === 'function' ? (value as (args: Record<string, unknown>) => unknown)({}) : value;
}

/** Whether a row satisfies a Hasura bool expression. */
export function matches(row: Record<string, unknown>, where: unknown): boolean {
  if (!where || typeof where !== 'object') return true;
  for (const [key, condition] of Object.entries(where as Record<string, unknown>)) {
    if (condition === undefined || condition === null) continue;
    if (key === '_and') {
      if (!asArray(condition).every((c) => matches(row, c))) return false;
    } else if (key === '_or') {
      const options = asArray(condition);
      if (options.length && !options.some((c) => matches(row, c))) return false;
    } else if (key === '_not') {
      if (matches(row, condition)) return false;
    } else {
      const value = read(row, key);
      const ops = condition as Record<string, unknown>;
      if (Object.keys(ops).every((op) => COMPARISONS.has(op))) {
        if (!compareAll(value, ops)) return false;
      } else if (Array.isArray(value)) {
        if (!value.some((item) => matches(item as Record<string, unknown>, condition))) return false;
      } else if (value && typeof value === 'object') {
        if (!matches(value as Record<string, unknown>, condition)) return false;
      } else return false;
    }
  }
  return true;
}

function compareAll(value: unknown, ops: Record<string, unknown>): boolean {
  for (const [op, operand] of Object.entries(ops)) {
    if (operand === undefined) continue;
    if (!compareOne(value, op, operand)) return false;
  }
  return true;
}

function compareOne(value: unknown, op: string, operand: unknown): boolean {
  switch (op) {
    case '_eq':
      return equal(value, operand);
    case '_neq':
      return !equal(value, operand);
    case '_in':
      return asArray(operand).some((item) => equal(value, item));
    case '_nin':
      return !asArray(operand).some((item) => equal(value, item));
    case '_is_null':
      return operand ? value === null || value === undefined : value !== null && value !== undefined;
    case '_gt':
      return order(value, operand) > 0;
    case '_gte':
      return order(value, operand) >= 0;
    case '_lt':
      return order(value, operand) < 0;
    case '_lte':
      return order(value, operand) <= 0;
    case '_like':
    case '_similar':
      return typeof value === 'string' && like(String(operand), false).test(value);
    case '_nlike':
      return typeof value === 'string' && !like(String(operand), false).test(value);
    case '_ilike':
      return typeof value === 'string' && like(String(operand), true).test(value);
    case '_nilike':
      return typeof value === 'string' && !like(String(operand), true).test(value);
    case '_contains':
      return contains(value, operand);
    case '_contained_in':
      return contains(operand, value);
    case '_has_key':
      return !!value && typeof value === 'object' && Object.hasOwn(value, String(operand));
    case '_has_keys_any':
      return !!value && typeof value === 'object' && asArray(operand).some((k) => Object.hasOwn(value, String(k)));
    case '_has_keys_all':
      return !!value && typeof value === 'object' && asArray(operand).every((k) => Object.hasOwn(value, String(k)));
    default:
      return false;
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  if (typeof a === 'string' && typeof b === 'string' && isTime(a) && isTime(b)) return Date.parse(a) === Date.parse(b);
  return false;
}

const isTime = (text: string) => /^\d{4}-\d{2}-\d{2}T/.test(text);

/** Sign of a - b for numbers, times and strings. */
function order(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    if (isTime(a) && isTime(b)) return Date.parse(a) - Date.parse(b);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return Number.NaN;
}

function like(pattern: string, insensitive: boolean): RegExp {
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${source}$`, insensitive ? 'is' : 's');
}

function contains(container: unknown, part: unknown): boolean {
  if (Array.isArray(container)) return asArray(part).every((item) => container.some((c) => equal(c, item)));
  if (container && typeof container === 'object' && part && typeof part === 'object') {
    return Object.entries(part).every(([k, v]) => contains((container as Record<string, unknown>)[k], v) || equal((container as Record<string, unknown>)[k], v));
  }
  return equal(container, part);
}

type Direction = 'asc' | 'desc' | 'asc_nulls_first' | 'asc_nulls_last' | 'desc_nulls_first' | 'desc_nulls_last';

function orderSpecs(orderBy: unknown, prefix: string[] = []): Array<{ path: string[]; direction: Direction }> {
  const specs: Array<{ path: string[]; direction: Direction }> = [];
  for (const entry of asArray(orderBy)) {
    if (!entry || typeof entry !== 'object') continue;
    for (const [key, value] of Object.entries(entry)) {
      if (typeof value === 'string') specs.push({ path: [...prefix, key], direction: value as Direction });
      else if (value && typeof value === 'object') specs.push(...orderSpecs(value, [...prefix, key]));
    }
  }
  return specs;
}

function readPath(row: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = row;
  for (const key of path) {
    if (!value || typeof value !== 'object') return undefined;
    value = read(value as Record<string, unknown>, key);
  }
  return value;
}

/** Filters, sorts and pages rows like a Hasura list root. */
export function select<T extends Record<string, unknown>>(rows: T[], args: ListArgs = {}): T[] {
  let out = rows.filter((row) => matches(row, args.where));
  const specs = orderSpecs(args.order_by);
  if (specs.length) {
    out = [...out].sort((a, b) => {
      for (const { path, direction } of specs) {
        const x = readPath(a, path);
        const y = readPath(b, path);
        const desc = direction.startsWith('desc');
        // Postgres puts nulls last when ascending and first when descending, unless told otherwise.
        const nullsFirst = direction.endsWith('nulls_first') || (desc && !direction.endsWith('nulls_last'));
        const xNull = x === null || x === undefined;
        const yNull = y === null || y === undefined;
        if (xNull || yNull) {
          if (xNull && yNull) continue;
          return xNull === nullsFirst ? -1 : 1;
        }
        const sign = order(x, y);
        if (sign) return desc ? -sign : sign;
      }
      return 0;
    });
  }
  const offset = typeof args.offset === 'number' ? Math.max(0, args.offset) : 0;
  const limit = typeof args.limit === 'number' ? Math.max(0, args.limit) : undefined;
  return out.slice(offset, limit === undefined ? undefined : offset + limit);
}

/** The `<table>_aggregate` answer for rows. */
export function aggregate<T extends Record<string, unknown>>(rows: T[], args: ListArgs = {}): { aggregate: { count: () => number }; nodes: T[] } {
  const nodes = select(rows, args);
  return { aggregate: { count: () => nodes.length }, nodes };
}
