// Type helpers that turn an openapi-typescript `operations[id]` entry into a named method's parameters and result.
// Pure types: nothing here exists at run time.
import type { RequestOptions } from './request-options';

type IsNever<T> = [T] extends [never] ? true : false;
type Obj<T> = IsNever<T> extends true ? {} : T extends Record<string, unknown> ? T : {};
type Params<Op, K extends string> = Op extends { parameters: infer P } ? (P extends Record<string, unknown> ? Obj<NonNullable<P[K]>> : {}) : {};
type HasRequired<T> = {} extends T ? false : true;

type BodyContent<Op> = Op extends { requestBody?: infer B } ? (IsNever<NonNullable<B>> extends true ? never : NonNullable<B> extends { content: infer C } ? C : never) : never;
type BodyValue<C> = IsNever<C> extends true ? never : C extends Record<string, unknown> ? ('application/json' extends keyof C ? C['application/json'] : C[keyof C]) : never;
type BodyRequired<Op> = Op extends { requestBody: unknown } ? (undefined extends Op['requestBody'] ? false : true) : false;
type BodyPart<Op> = IsNever<BodyValue<BodyContent<Op>>> extends true ? {} : BodyRequired<Op> extends true ? { body: BodyValue<BodyContent<Op>> } : { body?: BodyValue<BodyContent<Op>> };
type HeaderPart<Op> = HasRequired<Params<Op, 'header'>> extends true ? { headers: Params<Op, 'header'> } : keyof Params<Op, 'header'> extends never ? {} : { headers?: Params<Op, 'header'> };

/** The single parameter object of a named method: path and query parameters flat, the body under `body`. */
export type MethodParams<Op> = Params<Op, 'path'> & Params<Op, 'query'> & BodyPart<Op> & HeaderPart<Op>;

/** The arguments of a named method: params (optional when nothing in them is required), then request options. */
export type MethodArgs<Op> = HasRequired<MethodParams<Op>> extends true
  ? [params: MethodParams<Op>, options?: RequestOptions]
  : [params?: MethodParams<Op>, options?: RequestOptions];

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | '200' | '201' | '202' | '203' | '204' | '206';
type Success<Op> = Op extends { responses: infer R } ? R[Extract<keyof R, SuccessStatus>] : never;
type ContentOf<R> = R extends { content: infer C } ? (IsNever<C> extends true ? void : C extends Record<string, unknown> ? ('application/json' extends keyof C ? C['application/json'] : C[keyof C]) : void) : void;

/** How a response body is read: parsed JSON, text, raw bytes, or nothing. */
export type ResponseKind = 'json' | 'text' | 'binary' | 'none';

/** What a named method resolves to, by the response kind the schema declares. */
export type MethodResult<Op, Kind extends ResponseKind = 'json'> = Kind extends 'text'
  ? string
  : Kind extends 'binary'
    ? Uint8Array
    : Kind extends 'none'
      ? void
      : ContentOf<Success<Op>>;
