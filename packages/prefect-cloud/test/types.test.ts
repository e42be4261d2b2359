// Type guarantees users rely on, checked by tsc (the file also runs, trivially, under vitest).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { describe, expectTypeOf, it } from 'vitest';
import type { ApiTokenScope, Flow, FlowRunStatus, Paginator, PrefectCloudClient, PrefectStateName, SetFlowRunStateOptions } from '../src/index';

describe('types', () => {
  it('lists are Paginators of the generated row types', () => {
    expectTypeOf<ReturnType<PrefectCloudClient['listFlows']>>().toEqualTypeOf<Paginator<Flow, number>>();
    expectTypeOf<Flow['name']>().toEqualTypeOf<string | null>();
  });

  it('waitForFlowRun resolves to the run status with its version', () => {
    expectTypeOf<Awaited<ReturnType<PrefectCloudClient['waitForFlowRun']>>>().toEqualTypeOf<FlowRunStatus>();
    expectTypeOf<FlowRunStatus['version']>().toEqualTypeOf<number | null>();
  });

  it('state names are suggested but any string is accepted; scopes are closed', () => {
    expectTypeOf<'Success'>().toMatchTypeOf<PrefectStateName>();
    expectTypeOf<'SomethingNew'>().toMatchTypeOf<PrefectStateName>();
    expectTypeOf<'ADMIN'>().not.toMatchTypeOf<ApiTokenScope>();
    expectTypeOf<SetFlowRunStateOptions['version']>().toEqualTypeOf<number | undefined>();
  });

  it('where filters are the typed Hasura inputs', () => {
    type Where = NonNullable<Parameters<PrefectCloudClient['listFlows']>[0]>['where'];
    expectTypeOf<{ name: { _ilike: string } }>().toMatchTypeOf<NonNullable<Where>>();
    expectTypeOf<{ name: { _nope: string } }>().not.toMatchTypeOf<NonNullable<Where>>();
  });

  it('request takes text, graphql\'s DocumentNode and a TypedDocumentNode, whose result type it infers', () => {
    // Checked by the compiler only: never called.
    const calls = (request: PrefectCloudClient['request']) => {
      expectTypeOf(request).toBeCallableWith('query A { flow { id } }');
      expectTypeOf(request).toBeCallableWith(parse('query A { flow { id } }'));
      const typed = parse('query A($id: uuid!) { flow_by_pk(id: $id) { id } }') as TypedDocumentNode<{ flow_by_pk: { id: string } | null }, { id: string }>;
      expectTypeOf(request(typed, { id: 'x' })).toEqualTypeOf<Promise<{ flow_by_pk: { id: string } | null }>>();
      // @ts-expect-error the variables are the document's
      void request(typed, { name: 'x' });
      // @ts-expect-error not a document
      void request({ query: 'query A { flow { id } }' });
    };
    expectTypeOf(calls).toBeFunction();
  });
});

