// Type guarantees of the public API, checked by `tsc -p tsconfig.json` (the runtime part only makes a client).
import { describe, expectTypeOf, it } from 'vitest';
import { createSupabaseMgmtClient, type OrganizationProject, type Paginator, type Project, type UpgradeStatus } from '../src';

const client = createSupabaseMgmtClient({ accessToken: 'sbp_types' });

describe('the public types', () => {
  it('give each odd shape its own result type', () => {
    expectTypeOf(client.countActionRuns).returns.resolves.toEqualTypeOf<number>();
    expectTypeOf(client.getAFunctionBody).returns.resolves.toEqualTypeOf<Uint8Array>();
    expectTypeOf(client.diffABranch).returns.resolves.toEqualTypeOf<string>();
    expectTypeOf(client.getActionRunLogs).returns.resolves.toEqualTypeOf<string>();
    expectTypeOf(client.bulkCreateSecrets).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(client.runAQuery).returns.resolves.toEqualTypeOf<Array<{ [key: string]: unknown }>>();
  });

  it('accept eszip bytes or JSON for a function, and files for a deploy', () => {
    expectTypeOf(client.createAFunction).toBeCallableWith({ ref: 'r', slug: 's', body: new Uint8Array() });
    expectTypeOf(client.createAFunction).toBeCallableWith({ ref: 'r', body: { slug: 's', name: 'n', body: 'code' } });
    expectTypeOf(client.updateAFunction).toBeCallableWith({ ref: 'r', function_slug: 's', body: new Blob([]) });
    expectTypeOf(client.deployAFunction).toBeCallableWith({ ref: 'r', slug: 's', body: { metadata: { entrypoint_path: 'index.ts' }, file: [{ name: 'index.ts', content: 'x' }] } });
    // @ts-expect-error: the project ref is required
    void (() => client.getProject({}));
  });

  it('type paginators and waiters by what they yield', () => {
    expectTypeOf(client.paginateOrganizationProjects({ slug: 'acme' })).toEqualTypeOf<Paginator<OrganizationProject, number>>();
    expectTypeOf(client.waitForProjectHealthy).returns.resolves.toEqualTypeOf<Project>();
    expectTypeOf(client.waitForUpgrade).returns.resolves.toEqualTypeOf<UpgradeStatus>();
    expectTypeOf<Project['status']>().toEqualTypeOf<OrganizationProject['status']>();
  });
});
