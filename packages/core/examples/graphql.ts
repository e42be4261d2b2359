import { createSdkWrapper, type SdkWrapper, type Transport } from '@x/core';

declare const transport: Transport;
// What graphql-codegen's typescript-graphql-request plugin generates.
declare function getSdk(client: unknown, withWrapper: SdkWrapper): { GetTenant(variables: { id: string }): Promise<{ tenant: { id: string } | null }> };
declare const graphQLClient: unknown; // new GraphQLClient(url, { fetch: transport.fetch })

const sdk = getSdk(
  graphQLClient,
  createSdkWrapper(transport, {
    codes: { 'tenant-not-found': 404 }, // provider codes → error classes
    retryCodes: ['unexpected'], // transient codes, retried for queries only
  }),
);
const { tenant } = await sdk.GetTenant({ id: 'd1b2c3' });
console.log(tenant?.id);
