// A small GraphQL executor over plain objects: enough of the spec for a simulator (aliases, variables with
// defaults, fragments, @skip/@include, field arguments), without shipping the schema. A value that is a function is
// a field with arguments (a relationship or a computed column); anything else is returned as it is.
import { Kind, parse, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/** An error a resolver raises; it becomes one `errors[]` entry with `extensions.code`. */
export class SimulatedError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A root field: arguments and the request context in, a plain value (or an object with field functions) out. */
export type Resolver<C> = (args: Record<string, unknown>, context: C) => unknown;

/** The root fields of the two operation types. */
export interface Roots<C> {
  query: Record<string, Resolver<C>>;
  mutation: Record<string, Resolver<C>>;
}

/** One `errors[]` entry. */
export interface ErrorEntry {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

/** A request turned into what to run: the operation, its fragments and its variables with defaults applied. */
export interface ParsedRequest {
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** The response keys and field names of the root selection. */
  rootFields: string[];
}

/** Parses and picks the operation; a syntax error or a missing operation is an HTTP 400 answer. */
export function parseRequest(query: unknown, operationName: unknown, variables: unknown): ParsedRequest | { status: 400; errors: ErrorEntry[] } {
  if (typeof query !== 'string' || !query.trim()) return invalid('Must provide a query string.', 'BAD_USER_INPUT');
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return invalid(error instanceof Error ? error.message : 'Syntax error', 'GRAPHQL_PARSE_FAILED');
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = typeof operationName === 'string' && operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return invalid(`Could not pick the operation to run${typeof operationName === 'string' ? ` ("${operationName}")` : ''}.`, 'GRAPHQL_VALIDATION_FAILED');
  if (operation.operation === 'subscription') return invalid('Subscriptions are not supported.', 'GRAPHQL_VALIDATION_FAILED');
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const given = variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {};
  const values: Record<string, unknown> = { ...given };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue) values[name] = valueOf(definition.defaultValue, {});
  }
  const rootFields = collectFields(operation.selectionSet, fragments, values).map((f) => f.name.value);
  return { operation, fragments, variables: values, rootFields };
}

function invalid(message: string, code: string): { status: 400; errors: ErrorEntry[] } {
  return { status: 400, errors: [{ message, extensions: { code } }] };
}

/** Runs a parsed operation: unknown root fields fail validation (HTTP 400); resolver errors null their field. */
export function execute<C>(roots: Roots<C>, request: ParsedRequest, context: C): { status: number; body: { data?: Record<string, unknown> | null; errors?: ErrorEntry[] } } {
  const table = request.operation.operation === 'mutation' ? roots.mutation : roots.query;
  const type = request.operation.operation === 'mutation' ? 'Mutation' : 'Query';
  const fields = collectFields(request.operation.selectionSet, request.fragments, request.variables);
  const unknown = fields.filter((f) => f.name.value !== '__typename' && !Object.hasOwn(table, f.name.value));
  if (unknown.length) {
    return { status: 400, body: { errors: unknown.map((f) => ({ message: `Cannot query field "${f.name.value}" on type "${type}".`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) } };
  }
  const data: Record<string, unknown> = {};
  const errors: ErrorEntry[] = [];
  for (const field of fields) {
    const key = field.alias?.value ?? field.name.value;
    if (field.name.value === '__typename') {
      data[key] = type;
      continue;
    }
    try {
      const value = table[field.name.value]!(argumentsOf(field, request.variables), context);
      data[key] = complete(value, field.selectionSet, request, context, [key]);
    } catch (error) {
      data[key] = null;
      errors.push(toEntry(error, [key]));
    }
  }
  return { status: 200, body: errors.length ? { data, errors } : { data } };
}

function complete<C>(value: unknown, selection: SelectionSetNode | undefined, request: ParsedRequest, context: C, path: Array<string | number>): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item, index) => complete(item, selection, request, context, [...path, index]));
  if (!selection || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of collectFields(selection, request.fragments, request.variables)) {
    const name = field.name.value;
    const key = field.alias?.value ?? name;
    if (name === '__typename') {
      out[key] = source.__typename ?? null;
      continue;
    }
    if (!(name in source)) throw new SimulatedError(`Cannot query field "${name}" here (the simulator does not model it).`, 'GRAPHQL_VALIDATION_FAILED', { path: [...path, key] });
    const raw = source[name];
    const resolved = typeof raw === 'function' ? (raw as (args: Record<string, unknown>, context: C) => unknown)(argumentsOf(field, request.variables), context) : raw;
    out[key] = complete(resolved, field.selectionSet, request, context, [...path, key]);
  }
  return out;
}

function collectFields(selection: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>, out: FieldNode[] = []): FieldNode[] {
  for (const node of selection.selections) {
    if (!included(node.directives ?? [], variables)) continue;
    if (node.kind === Kind.FIELD) out.push(node);
    else if (node.kind === Kind.INLINE_FRAGMENT) collectFields(node.selectionSet, fragments, variables, out);
    else {
      const fragment = fragments.get(node.name.value);
      if (fragment) collectFields(fragment.selectionSet, fragments, variables, out);
    }
  }
  return out;
}

function included(directives: ReadonlyArray<{ name: { value: string }; arguments?: ReadonlyArray<{ name: { value: string }; value: ValueNode }> }>, variables: Record<string, unknown>): boolean {
  for (const directive of directives) {
    const condition = directive.arguments?.find((a) => a.name.value === 'if');
    const value = condition ? valueOf(condition.value, variables) : undefined;
    if (directive.name.value === 'skip' && value === true) return false;
    if (directive.name.value === 'include' && value === false) return false;
  }
  return true;
}

function argumentsOf(field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const argument of field.arguments ?? []) {
    const value = valueOf(argument.value, variables);
    if (value !== undefined) args[argument.name.value] = value;
  }
  return args;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number.parseInt(node.value, 10);
    case Kind.FLOAT:
      return Number.parseFloat(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((item) => valueOf(item, variables));
    case Kind.OBJECT: {
      const out: Record<string, unknown> = {};
      for (const field of node.fields) {
        const value = valueOf(field.value, variables);
        if (value !== undefined) out[field.name.value] = value;
      }
      return out;
    }
  }
}

function toEntry(error: unknown, path: Array<string | number>): ErrorEntry {
  if (error instanceof SimulatedError) {
    const { path: innerPath, ...extensions } = error.extensions;
    return { message: error.message, path: (innerPath as Array<string | number> | undefined) ?? path, extensions: error.code ? { code: error.code, ...extensions } : extensions };
  }
  return { message: error instanceof Error ? error.message : String(error), path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
