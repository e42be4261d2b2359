// Type guarantees of the named-method helpers, checked by `tsc` (pnpm typecheck), not at run time.
import { expectTypeOf } from 'vitest';
import type { MethodArgs, MethodParams, MethodResult, RequestOptions } from '../src/index';

// The shape openapi-typescript generates for an operation.
interface GetProject {
  parameters: { query?: { include?: string }; header?: never; path: { ref: string }; cookie?: never };
  requestBody?: never;
  responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { id: string; name: string } } }; 404: { headers: Record<string, unknown>; content?: never } };
}
interface CreateProject {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  requestBody: { content: { 'application/json': { name: string; region: string } } };
  responses: { 201: { headers: Record<string, unknown>; content: { 'application/json': { id: string } } } };
}
interface ListProjects {
  parameters: { query?: { limit?: number }; header?: never; path?: never; cookie?: never };
  requestBody?: never;
  responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': Array<{ id: string }> } } };
}
interface DeleteProject {
  parameters: { query?: never; header?: never; path: { ref: string }; cookie?: never };
  requestBody?: never;
  responses: { 204: { headers: Record<string, unknown>; content?: never } };
}

expectTypeOf<MethodParams<GetProject>>().toEqualTypeOf<{ ref: string } & { include?: string }>();
expectTypeOf<MethodArgs<GetProject>>().toEqualTypeOf<[params: { ref: string } & { include?: string }, options?: RequestOptions]>();
expectTypeOf<MethodParams<CreateProject>>().toHaveProperty('body').toEqualTypeOf<{ name: string; region: string }>();
expectTypeOf<MethodArgs<ListProjects>>().toEqualTypeOf<[params?: { limit?: number }, options?: RequestOptions]>();
expectTypeOf<MethodResult<GetProject>>().toEqualTypeOf<{ id: string; name: string }>();
expectTypeOf<MethodResult<CreateProject>>().toEqualTypeOf<{ id: string }>();
expectTypeOf<MethodResult<ListProjects>>().toEqualTypeOf<Array<{ id: string }>>();
expectTypeOf<MethodResult<DeleteProject, 'none'>>().toEqualTypeOf<void>();
expectTypeOf<MethodResult<GetProject, 'text'>>().toEqualTypeOf<string>();
expectTypeOf<MethodResult<GetProject, 'binary'>>().toEqualTypeOf<Uint8Array>();
