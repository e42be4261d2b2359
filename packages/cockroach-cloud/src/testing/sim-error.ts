import { HttpResponse } from 'msw';

// The gRPC codes the API pairs with each HTTP status in its error bodies.
const CODE_FOR_STATUS: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 409: 6, 429: 8, 500: 13, 501: 12, 503: 14 };

/** A failure a simulated route answers with, in the API's `{ code, message, details }` shape. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: number = CODE_FOR_STATUS[status] ?? 2,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }
}

/** The API's error answer. */
export function errorResponse(status: number, message: string, options: { code?: number; details?: unknown[]; headers?: Record<string, string> } = {}): Response {
  return HttpResponse.json({ code: options.code ?? CODE_FOR_STATUS[status] ?? 2, message, details: options.details ?? [] }, { status, headers: options.headers });
}

/** A 400 the API gives for a precondition (the cluster is not ready, delete protection...): code FAILED_PRECONDITION. */
export function preconditionFailed(message: string): SimError {
  return new SimError(400, message, 9);
}

/** A 400 naming the offending field, with a google.rpc.BadRequest detail as the API sends. */
export function invalidField(field: string, description: string): SimError {
  return new SimError(400, `invalid ${field}: ${description}`, 3, [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', field_violations: [{ field, description }] }]);
}
