// Type guarantees users rely on, checked by tsc (the file also runs, trivially, under vitest).
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
});
