// The project's schema, inlined at build time, so the simulator validates and executes exactly what the SDK's
// documents were generated against.
import sdl from '../../../../schemas/hasura-cloud.graphql';

/** The Hasura Cloud schema (SDL) the simulator serves. */
export const HASURA_CLOUD_SDL: string = sdl;
