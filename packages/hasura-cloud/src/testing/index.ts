/** @x/hasura-cloud/testing: a stateful Hasura Cloud simulator (msw handlers) for tests. */
export { createHasuraSimulator } from './simulator';
export type { HasuraFaults, HasuraSimulator, HasuraSimulatorOptions, SimGraphQLError } from './simulator';
export { HasuraSimState, SimError } from './sim-state';
export type { SimCall, SimDomain, SimProject, SimTenant, SimTimings } from './sim-state';
export { queuePreviewApp } from './sim-preview-apps';
export type { PreviewPayload, PreviewPlan, StepFailure } from './sim-preview-apps';
export { DEPLOYMENT_STEPS, CREATION_STEPS } from './sim-jobs';
export type { SimJob, SimStep } from './sim-jobs';
export { envHash } from './env-hash';
export { applyListArgs, matchesWhere } from './hasura-filter';
export type { ListArgs } from './hasura-filter';
export { HASURA_CLOUD_SDL } from './schema-sdl';
