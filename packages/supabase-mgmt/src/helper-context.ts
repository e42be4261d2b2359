import type { Client } from 'openapi-fetch';
import type { Transport } from '@x/core';
import type { NamedMethods } from './generated/operations';
import type { paths } from './generated/schema';

/** What a helper needs of its client: the named methods, the raw typed layer and the transport (clock, errors). */
export interface HelperContext {
  methods: NamedMethods;
  raw: Client<paths>;
  transport: Transport;
  /** The API origin, without a trailing slash. */
  baseUrl: string;
}
