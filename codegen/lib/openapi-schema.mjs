// schema.ts: the raw types (`paths`, `components`, `operations`) from openapi-typescript's Node API.
import openapiTS, { astToString } from 'openapi-typescript';
import { banner } from './banner.mjs';

const SCRIPT = 'codegen/lib/openapi-schema.mjs';

/**
 * @param {Record<string, any>} doc the parsed OpenAPI document (not modified)
 * @param {string} source the schema's path, for the banner
 */
export async function generateSchemaModule(doc, source) {
  // openapi-typescript annotates the object it is given; a copy keeps the caller's document as read.
  // The providers' published specs reference a `bearer` scheme they never declare; openapi-typescript does not
  // validate security, so no patching is needed for them.
  const nodes = await openapiTS(/** @type {import('openapi-typescript').OpenAPI3} */ (structuredClone(doc)), { silent: true });
  return `${banner(SCRIPT, source)}\n${astToString(nodes)}`;
}
