import type { Resolver } from './execute';
import type { Access } from './principal';
import type { PrefectSimState } from './state';
import type { Views } from './views';

/** What every resolver receives. */
export interface SimContext {
  state: PrefectSimState;
  views: Views;
  access: Access;
}

/** A table of root resolvers. */
export type RootTable = Record<string, Resolver<SimContext>>;
