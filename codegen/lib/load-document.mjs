// Reads an OpenAPI description from YAML or JSON. The providers publish JSON; the project writes YAML.
import fs from 'node:fs';
import { parse } from 'yaml';

/**
 * Parses an OpenAPI document from text. JSON is valid YAML, but JSON.parse is much faster on large specs.
 * @param {string} text
 * @returns {Record<string, any>}
 */
export function parseDocument(text) {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return JSON.parse(text);
  // The default maxAliasCount guards against alias bombs; authored schemas use no aliases at all.
  return parse(text);
}

/**
 * @param {string} file
 * @returns {Record<string, any>}
 */
export function loadDocument(file) {
  return parseDocument(fs.readFileSync(file, 'utf8'));
}
