// `pnpm schemas:pull <provider>`: downloads the provider's description into schemas/.pulled/ and reports how it
// differs from the project's hand-written schema. It never writes the authored schema itself.
import fs from 'node:fs';
import path from 'node:path';
import { diffGraphQL } from './diff-graphql.mjs';
import { diffOpenAPI } from './diff-openapi.mjs';
import { formatGraphQLReport, formatOpenAPIReport } from './format-report.mjs';
import { loadDocument, parseDocument } from './load-document.mjs';
import { fetchGraphQLSchema, fetchOpenAPI } from './pull-fetch.mjs';
import { providers } from './pull-providers.mjs';
import { repositoryRoot } from './targets.mjs';

const USAGE = `usage: pnpm schemas:pull <${Object.keys(providers).join('|')}> [--url URL] [--token T] [--out FILE] [--against FILE]
  --url      where to download from (default: the provider's published location)
  --token    credential; GraphQL providers default to $HASURA_CLOUD_ACCESS_TOKEN / $PREFECT__CLOUD__API_KEY
  --out      where to save the download (default: schemas/.pulled/<provider>.<ext>)
  --against  compare with this file instead of the project's schema`;

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const options = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    const match = /^--(url|token|out|against)(?:=(.*))?$/.exec(arg);
    if (match) options[/** @type {string} */ (match[1])] = match[2] ?? argv[++i] ?? '';
    else if (arg.startsWith('-')) throw new Error(`Unknown option ${arg}`);
    else positional.push(arg);
  }
  return { options, positional };
}

/**
 * @param {string[]} argv
 * @param {{ log?: (text: string) => void, error?: (text: string) => void, env?: Record<string, string | undefined>, cwd?: string }} [io]
 * @returns {Promise<number>} the exit code
 */
export async function runPull(argv, io = {}) {
  const log = io.log ?? ((text) => console.log(text));
  const error = io.error ?? ((text) => console.error(text));
  const env = io.env ?? process.env;
  // pnpm runs scripts from the repository root; relative paths mean the folder the person typed the command in.
  const cwd = io.cwd ?? env.INIT_CWD ?? process.cwd();
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (problem) {
    return (error(`${/** @type {Error} */ (problem).message}\n${USAGE}`), 2);
  }
  const { options, positional } = parsed;
  const provider = providers[positional[0] ?? ''];
  if (!provider || positional.length !== 1) return (error(USAGE), 2);
  const schemaFile = path.join(repositoryRoot, provider.schema);
  const againstFile = options.against ? path.resolve(cwd, options.against) : schemaFile;
  const url = options.url || provider.url;
  try {
    let text;
    if (provider.kind === 'graphql') {
      const token = options.token || env[provider.tokenEnv];
      if (!token) return (error(`Introspecting ${provider.name} needs a token: set ${provider.tokenEnv} or pass --token.`), 2);
      text = await fetchGraphQLSchema(url, `${provider.authScheme} ${token}`);
    } else {
      text = await fetchOpenAPI(url, options.token);
    }
    const ext = provider.kind === 'graphql' ? 'graphql' : text.trimStart().startsWith('{') ? 'json' : 'yaml';
    const outFile = options.out ? path.resolve(cwd, options.out) : path.join(repositoryRoot, 'schemas', '.pulled', `${provider.name}.${ext}`);
    if (Object.values(providers).some((p) => path.join(repositoryRoot, p.schema) === outFile)) {
      return (error(`Refusing to overwrite ${path.relative(repositoryRoot, outFile)}: the project's schemas are written by hand.`), 2);
    }
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, text);
    const names = { schema: displayPath(againstFile), pulled: displayPath(outFile) };
    const report =
      provider.kind === 'graphql'
        ? formatGraphQLReport(diffGraphQL(fs.readFileSync(againstFile, 'utf8'), text), names)
        : formatOpenAPIReport(diffOpenAPI(loadDocument(againstFile), parseDocument(text), { ignoreHeaders: provider.ignoreHeaders }), names);
    log(report);
    return 0;
  } catch (problem) {
    return (error(`schemas:pull ${provider.name}: ${problem instanceof Error ? problem.message : String(problem)}`), 1);
  }
}

/** Repository-relative when inside the repository, so reports read the same on every machine. */
function displayPath(/** @type {string} */ file) {
  const relative = path.relative(repositoryRoot, file);
  return relative.startsWith('..') ? file : relative;
}
