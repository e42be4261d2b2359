import { apiErrorInit, makeAPIError, type APIError, type ProviderProfile } from '@x/core';

/** gRPC status code names by number: the API's error bodies carry the number in `code`. */
export const GRPC_CODE_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

/** The API's error body: a gRPC status code, a message, and typed details (`@type` plus fields). */
export interface CockroachErrorBody {
  code?: number;
  message?: string;
  details?: Array<{ '@type'?: string; [field: string]: unknown }>;
}

/** The gRPC name of a status code (`5` → `NOT_FOUND`), or undefined for anything else. */
export function grpcCodeName(code: unknown): string | undefined {
  return typeof code === 'number' && Number.isInteger(code) ? GRPC_CODE_NAMES[code] : undefined;
}

/** The `{ code, message, details }` body of an error thrown by this client, when the API sent one. */
export function cockroachErrorBody(error: unknown): CockroachErrorBody | undefined {
  const body = (error as { body?: unknown } | null)?.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const candidate = body as CockroachErrorBody;
  return typeof candidate.code === 'number' || typeof candidate.message === 'string' ? candidate : undefined;
}

/**
 * Rewrites an error's message so it names the gRPC code and the first field violations, and points at the
 * `apiVersion` option when the server rejected the Cc-Version header. The body stays exactly as the server sent it.
 */
export function explainStatus(error: APIError, profile: ProviderProfile, apiVersion: string): APIError {
  const status = cockroachErrorBody(error);
  if (!status) return error;
  const name = grpcCodeName(status.code);
  const parts: string[] = [];
  if (name && name !== 'OK') parts.push(name);
  for (const violation of fieldViolations(status.details).slice(0, 3)) parts.push(violation);
  const message = status.message?.trim() || name || '';
  let said = parts.length ? `${message} (${parts.join('; ')})` : message;
  if (/cc-version/i.test(said)) said += `; this client sent Cc-Version ${apiVersion}: check the \`apiVersion\` option`;
  const rebuilt = makeAPIError({ ...apiErrorInit(error), body: { message: said } }, profile);
  rebuilt.body = error.body;
  return rebuilt;
}

// google.rpc.BadRequest details list the offending fields; they say more than the summary message.
function fieldViolations(details: CockroachErrorBody['details']): string[] {
  const out: string[] = [];
  for (const detail of Array.isArray(details) ? details : []) {
    const list = (detail?.field_violations ?? detail?.fieldViolations) as Array<{ field?: unknown; description?: unknown }> | undefined;
    for (const item of Array.isArray(list) ? list : []) {
      if (typeof item?.field === 'string') out.push(`${item.field}${typeof item.description === 'string' ? `: ${item.description}` : ''}`);
    }
  }
  return out;
}
