/** @x/core/testing: fault injection, a virtual clock, and the plumbing the provider simulators share. */
export { VirtualClock } from './virtual-clock';
export { faults, networkError, truncatedStream } from './faults';
export type { Fault } from './faults';
export { createFaultyFetch, answer } from './faulty-fetch';
export type { RecordedCall } from './faulty-fetch';
export { mswFault, scripted } from './msw';
export { FixedWindowLimiter, rateLimitHeaders, FaultQueue, IdSource } from './simulator';
export type { WindowVerdict } from './simulator';
export { serveHandlers } from './serve';
export type { ServedHandlers } from './serve';
export { captureLogger } from './capture-logger';
export type { LogLine } from './capture-logger';
