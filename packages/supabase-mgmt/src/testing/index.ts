/** @x/supabase-mgmt/testing: a stateful simulator of the Supabase Management API for tests and local tools. */
export { createSupabaseSimulator } from './simulator';
export type { SimulatorCall, SupabaseSimulator, SupabaseSimulatorOptions } from './simulator';
export { SimulatorState, normalizeQuery } from './state';
export type { SimBranch, SimDeployment, SimFunction, SimProject, SimulatorDelays } from './state';
export { faults, FaultQueue, VirtualClock } from '@x/core/testing';
export type { Fault, ServedHandlers } from '@x/core/testing';
