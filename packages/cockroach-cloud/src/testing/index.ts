/** @x/cockroach-cloud/testing: a stateful CockroachDB Cloud simulator for your tests (msw handlers + HTTP server). */
export { createCockroachSimulator } from './simulator';
export type { CockroachSimulator, CockroachSimulatorOptions } from './simulator';
export { CockroachSimState } from './state';
export type { SimulatorDelays, SimSqlUser, SimRequest } from './state';
export { keysetPage } from './keyset';
export type { KeysetPage, KeysetOptions } from './keyset';
export { SIM_REGIONS } from './routes-clusters';
export { SimError, errorResponse } from './sim-error';
