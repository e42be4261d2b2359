import { ValidationError, type RequestOptions } from '@x/core';
import type { HelperContext } from './helper-context';
import type { components } from './generated/schema';

/** One source file of an edge function: its path (as `entrypoint_path` refers to it) and its content. */
export interface FunctionFile {
  name: string;
  content: string | Uint8Array | ArrayBuffer | Blob;
  /** Default `application/octet-stream`. */
  type?: string;
}

/** The deploy metadata: `entrypoint_path` is required; `name`, `verify_jwt`, `import_map_path`, `static_patterns`. */
export type FunctionDeployMetadata = components['schemas']['FunctionDeployBody']['metadata'];

/** A deployed function as the API describes it. */
export type DeployedFunction = components['schemas']['DeployFunctionResponse'];

/** What deployFunction sends. */
export interface DeployFunctionParams {
  ref: string;
  /** The function's slug (letters, digits, `-`, `_`; starts with a letter). Default: `metadata.name`. */
  slug?: string;
  files: FunctionFile[];
  metadata: FunctionDeployMetadata;
  /** Bundle without activating the new version. */
  bundleOnly?: boolean;
}

const SLUG = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Deploys an edge function from source files: one `multipart/form-data` request with a `metadata` field (JSON)
 * and one `file` part per file, through the generated `deployAFunction`.
 */
export function deployFunction(context: HelperContext, params: DeployFunctionParams, options: RequestOptions = {}): Promise<DeployedFunction> {
  const slug = params.slug ?? params.metadata?.name;
  const fail = (message: string) => Promise.reject(new ValidationError(message, { provider: 'supabase', operation: 'deployFunction' }));
  if (!slug || !SLUG.test(slug)) return fail(`A function slug must start with a letter and hold only letters, digits, "-" and "_"; got ${JSON.stringify(slug)}. Pass slug or metadata.name.`);
  if (!params.metadata?.entrypoint_path) return fail('metadata.entrypoint_path is required: the path of the file the function starts from.');
  if (!params.files?.length) return fail('files is empty: pass at least the entrypoint file, e.g. [{ name: "index.ts", content }].');
  const unnamed = params.files.find((file) => !file.name);
  if (unnamed) return fail('Every file needs a name (its path, as entrypoint_path and imports refer to it).');
  return context.methods.deployAFunction(
    {
      ref: params.ref,
      slug,
      ...(params.bundleOnly !== undefined && { bundleOnly: params.bundleOnly }),
      // metadata first, then the files, as the Supabase CLI sends them.
      body: { metadata: params.metadata, file: params.files.map((file) => ({ name: file.name, content: file.content, type: file.type })) as never },
    },
    options,
  );
}
