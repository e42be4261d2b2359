import { HttpResponse } from 'msw';
import type { SimulatorState } from './state';

/** What a simulated route gets: the request, its decoded path parameters, the query and the state. */
export interface RouteContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  state: SimulatorState;
}

/** One simulated route: method, path template (`/v1/projects/{ref}`) and what it answers. */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  path: string;
  resolve: (context: RouteContext) => Response | Promise<Response>;
}

/** A JSON error body the way the API words them: `{ message }`. */
export function fail(status: number, message: string): Response {
  return HttpResponse.json({ message }, { status });
}

/** A JSON answer (status 200 unless told), typed by the caller with the schema's response type. */
export function reply<T>(body: T, status = 200): Response {
  return HttpResponse.json(body as never, { status });
}

/** An answer with no body (the 200/201/204 answers the API gives to many writes). */
export function empty(status = 200): Response {
  return new HttpResponse(null, { status });
}

/** Reads a JSON body; undefined when it is missing or not JSON (the caller answers 400). */
export async function readJson<T>(request: Request): Promise<T | undefined> {
  try {
    const text = await request.text();
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The project a route names, or the 404 the API gives for an unknown ref. */
export function projectOr404(context: RouteContext) {
  const project = context.state.projects.get(context.params.ref ?? '');
  return project ?? fail(404, `Project ${context.params.ref} not found`);
}
