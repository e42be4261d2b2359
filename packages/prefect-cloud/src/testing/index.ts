/** @x/prefect-cloud/testing: a stateful Prefect Cloud simulator for tests (msw handlers, or served over HTTP). */
export { createPrefectSimulator } from './simulator';
export type { PrefectSimulator, PrefectSimulatorConfig } from './simulator';
export { PrefectSimState } from './state';
export type { PrefectSimulatorOptions, CallRecord } from './state';
export { SIMULATED_CREDENTIALS } from './seed';
export type { SimDefaults } from './seed';
export { PrefectFaultQueue } from './faults';
export type { PrefectFault } from './faults';
export type { CredentialKind } from './principal';
export type * from './rows';
export { faults, VirtualClock } from '@x/core/testing';
export type { Fault } from '@x/core/testing';
