import { ValidationError } from '@x/core';

/**
 * A key schema such as `APP_{{secretKey}}` or `{{secretKey}}_{{environment}}`: how a source key is named in Hasura
 * Cloud, and which Hasura keys are managed (only keys of that shape are ever updated or deleted).
 */
export interface KeySchema {
  /** The text before `{{secretKey}}`, environment filled in. */
  readonly prefix: string;
  /** The text after `{{secretKey}}`, environment filled in. */
  readonly suffix: string;
  /** The Hasura key for a source key. */
  render(key: string): string;
  /** Whether a Hasura key has the schema's shape (every key does when there is no schema). */
  matches(key: string): boolean;
  /** The source key of a matching Hasura key; undefined when it does not match. */
  strip(key: string): string | undefined;
}

const PLACEHOLDER = /\{\{\s*([^}\s]*)\s*\}\}/g;

/** Compiles a key schema; no schema means keys are used as they are and every key is managed. */
export function compileKeySchema(schema: string | undefined, environment?: string): KeySchema {
  if (schema === undefined || schema === '') return IDENTITY;
  let secretKeys = 0;
  let rendered = '';
  let last = 0;
  for (const match of schema.matchAll(PLACEHOLDER)) {
    const name = match[1];
    rendered += schema.slice(last, match.index);
    last = match.index + match[0].length;
    if (name === 'secretKey') {
      secretKeys += 1;
      rendered += '\u0000';
    } else if (name === 'environment') {
      if (environment === undefined || environment === '') throw invalid(`the key schema ${JSON.stringify(schema)} uses {{environment}}: pass the environment option`);
      rendered += environment;
    } else {
      throw invalid(`the key schema ${JSON.stringify(schema)} has an unknown placeholder {{${name}}}; only {{secretKey}} and {{environment}} exist`);
    }
  }
  rendered += schema.slice(last);
  if (secretKeys !== 1) throw invalid(`the key schema ${JSON.stringify(schema)} must contain {{secretKey}} exactly once`);
  const [prefix = '', suffix = ''] = rendered.split('\u0000');
  const slashy = prefix.includes('/') || suffix.includes('/');
  const middle = (key: string) => key.slice(prefix.length, key.length - suffix.length);
  const matches = (key: string) => key.startsWith(prefix) && key.endsWith(suffix) && key.length >= prefix.length + suffix.length && !(slashy && middle(key).includes('/'));
  return {
    prefix,
    suffix,
    render: (key) => `${prefix}${key}${suffix}`,
    matches,
    strip: (key) => (matches(key) ? middle(key) : undefined),
  };
}

const IDENTITY: KeySchema = {
  prefix: '',
  suffix: '',
  render: (key) => key,
  matches: () => true,
  strip: (key) => key,
};

function invalid(reason: string): ValidationError {
  return new ValidationError(`syncEnvVars: ${reason}.`, { provider: 'hasura', operation: 'syncEnvVars' });
}
