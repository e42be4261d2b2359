export { createSupabaseMgmtClient, operations } from '../src';
export type { OperationSpec } from '@x/core';
