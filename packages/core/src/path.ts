import { ValidationError } from './errors';

/**
 * Checks and encodes one path parameter: a missing, empty, `.` or `..` value is an error before anything is sent,
 * and `/`, `?`, `#`, `%` and non-ASCII characters are percent-encoded so a value can never change the route.
 */
export function encodePathParam(name: string, value: unknown): string {
  if (value === undefined || value === null) throw new ValidationError(`Missing path parameter "${name}".`);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') {
    throw new ValidationError(`Path parameter "${name}" must be a string or a number, got ${typeof value}.`);
  }
  const text = String(value);
  if (text === '' || text === '.' || text === '..') throw new ValidationError(`Path parameter "${name}" may not be ${JSON.stringify(text)}.`);
  return encodeURIComponent(text);
}

/** Checks every `{name}` of a path template has a usable value (throws ValidationError otherwise). */
export function checkPathParams(template: string, params: Record<string, unknown> | undefined): void {
  for (const match of template.matchAll(/\{([^}]+)\}/g)) encodePathParam(match[1]!, params?.[match[1]!]);
}
