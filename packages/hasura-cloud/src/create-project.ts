import { AbortError, ConflictError, ConnectionError, TimeoutError, XError } from '@x/core';
import type { HasuraContext } from './context';
import { checkVars, setEnvVars } from './env-vars';
import { notFound } from './errors';
import { asProjectId, asTenantId, type TenantId } from './ids';
import { findProjectByName, getProject, renameProject, type Project } from './projects';
import { getTenant, waitForTenantReady, type TenantHealth, type WaitForTenantOptions } from './tenants';

/** What to create. */
export interface CreateProjectInput {
  /** `aws` or `gcp` (some accounts also have `azure`). */
  cloud: 'aws' | 'gcp' | 'azure' | (string & {});
  /** A region of that cloud, e.g. `us-east-2`. */
  region: string;
  /** Pricing plan, e.g. `cloud_free` or `cloud_payg`. Default: the account's default. */
  plan?: string;
  /** Project name (lowercase letters, digits and hyphens); Hasura picks one when omitted. */
  name?: string;
  /** Env vars set once the project exists (never sent with the create call, which fails with them on some plans). */
  envVars?: Record<string, string>;
}

/** How long and whether to wait. */
export interface CreateProjectOptions extends WaitForTenantOptions {
  /** Wait until the project answers before returning. Default true. */
  waitUntilReady?: boolean;
}

/** A new project, configured and (by default) answering. */
export interface CreatedProject {
  project: Project;
  tenantId: TenantId;
  /** The env-var hash after the env vars were set (null when none were given). */
  envHash: string | null;
  /** The health seen last (null when not waited for). */
  health: TenantHealth | null;
}

/**
 * Creates a project the safe way: create it with no env vars, rename it if Hasura did not apply the name, set the
 * env vars (compare-and-set), then wait until it answers. The create call is never repeated automatically; after an
 * ambiguous failure a named project is looked up by name and adopted when it was in fact created.
 */
export async function createProject(context: HasuraContext, input: CreateProjectInput, options: CreateProjectOptions = {}): Promise<CreatedProject> {
  if (input.envVars) checkVars(input.envVars, 'createProject');
  const { signal } = options;
  if (input.name !== undefined) {
    const existing = await findProjectByName(context, input.name, { signal });
    if (existing) throw new ConflictError(`A Hasura Cloud project named ${input.name} already exists (project ${existing.id}). Pick another name, or use the existing project.`, { status: 409, provider: 'hasura', operation: 'createProject' });
  }
  let ids: { tenantId: TenantId; projectId: string | undefined };
  try {
    const data = await context.sdk({ signal }).CreateTenant({ cloud: input.cloud, region: input.region, plan: input.plan, name: input.name }, undefined, signal);
    const created = data.createTenant;
    if (!created) throw notFound('CreateTenant', 'Hasura Cloud answered createTenant with no project. Check the cloud, region and plan.');
    ids = { tenantId: asTenantId(created.tenant?.id ?? created.id), projectId: created.tenant?.project?.id };
  } catch (error) {
    const adopted = await adoptAfterAmbiguousFailure(context, error, input.name, signal);
    ids = { tenantId: adopted.tenantId!, projectId: adopted.id };
  }
  const projectIdText = ids.projectId ?? (await getTenant(context, ids.tenantId, { signal })).project?.id;
  if (!projectIdText) throw notFound('createProject', `Tenant ${ids.tenantId} was created but its project is not visible to this token.`);
  const projectId = asProjectId(projectIdText);
  let project = await getProject(context, projectId, { signal });
  if (input.name !== undefined && project.name !== input.name) project = await renameProject(context, projectId, input.name, { signal });
  let envHash: string | null = null;
  if (input.envVars && Object.keys(input.envVars).length > 0) {
    envHash = (await setEnvVars(context, ids.tenantId, input.envVars, { retryOnStaleHash: true, signal })).hash;
  }
  const health = options.waitUntilReady === false ? null : await waitForTenantReady(context, ids.tenantId, options);
  return { project, tenantId: ids.tenantId, envHash, health };
}

/** After a reset or timeout the create may have happened: adopt the project if its name shows up, else rethrow. */
async function adoptAfterAmbiguousFailure(context: HasuraContext, error: unknown, name: string | undefined, signal: AbortSignal | undefined): Promise<Project> {
  const ambiguous = (error instanceof ConnectionError || error instanceof TimeoutError) && !(error instanceof AbortError);
  if (!ambiguous) throw error;
  if (name !== undefined) {
    const found = await findProjectByName(context, name, { signal }).catch(() => undefined);
    if (found?.tenantId) {
      context.transport.logger.warn(`createTenant failed after it was sent, but project ${name} exists: continuing with it`, { projectId: found.id });
      return found;
    }
  }
  (error as XError).message += ` The project may have been created anyway (createTenant is never resent automatically): check listProjects${name ? ` or findProjectByName('${name}')` : ''} before trying again.`;
  throw error;
}
