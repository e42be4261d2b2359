import { ValidationError } from '@x/core';
import type { CallOptions, HasuraContext } from './context';
import { checkVars } from './env-vars';
import { notFound } from './errors';
import { findProjectByName } from './projects';
import { deleteTenant } from './tenants';

/** A preview app to create from a GitHub branch. */
export interface CreatePreviewAppInput {
  /** A GitHub token with read access to the repository. Redacted from every error and log of this client. */
  githubPersonalAccessToken: string;
  owner: string;
  repo: string;
  branch: string;
  /** The Hasura project folder (metadata and migrations), relative to the repository root. */
  directory: string;
  /** `aws` or `gcp`. */
  cloud: string;
  region: string;
  /** `cloud_free` or `cloud_payg`. */
  plan: string;
  /** The project name (lowercase letters, digits and hyphens); it becomes `<name>.hasura.app`. */
  name: string;
  envVars?: Record<string, string>;
}

const REQUIRED = ['githubPersonalAccessToken', 'owner', 'repo', 'branch', 'directory', 'cloud', 'region', 'plan', 'name'] as const;

/** Queues creation of a preview app; returns the job id to pass to `waitForPreviewApp`. */
export async function createPreviewApp(context: HasuraContext, input: CreatePreviewAppInput, options: CallOptions = {}): Promise<string> {
  const missing = REQUIRED.filter((field) => typeof input?.[field] !== 'string' || input[field].trim() === '');
  if (missing.length > 0) throw new ValidationError(`createPreviewApp: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required (non-empty strings).`, { provider: 'hasura', operation: 'createPreviewApp' });
  if (input.envVars) checkVars(input.envVars, 'createPreviewApp');
  // Registered before sending, so a server that echoes the token back cannot leak it through an error or a log.
  context.transport.addSecret(input.githubPersonalAccessToken);
  const { githubPersonalAccessToken, owner, repo, branch, directory, cloud, region, plan, name } = input;
  const envVars = Object.entries(input.envVars ?? {}).map(([key, value]) => ({ key, value }));
  const data = await context.sdk(options).CreateGitHubPreviewApp({ githubPersonalAccessToken, owner, repo, branch, directory, cloud, region, plan, name, envVars }, undefined, options.signal);
  const jobId = data.createGitHubPreviewApp?.githubPreviewAppJobID;
  if (!jobId) throw notFound('CreateGitHubPreviewApp', 'Hasura Cloud accepted createGitHubPreviewApp but returned no job id.');
  return jobId;
}

/** Deletes the preview app (its project) with this name. */
export async function deletePreviewApp(context: HasuraContext, name: string, options: CallOptions = {}): Promise<{ status: string | null }> {
  const project = await findProjectByName(context, name, options);
  if (!project) throw notFound('deletePreviewApp', `No preview app named ${name} is visible to this token.`);
  if (!project.tenantId) throw notFound('deletePreviewApp', `Could not find a Hasura Cloud tenant for preview app ${name}.`);
  return deleteTenant(context, project.tenantId, options);
}
