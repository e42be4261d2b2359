import type { CockroachSimState } from './state';
import { SimError, preconditionFailed } from './sim-error';
import type { components } from '../generated/schema';

/** What a simulated route sees of a request. */
export interface RouteContext {
  request: Request;
  url: URL;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  state: CockroachSimState;
  /** The JSON body (a 400 in the API's shape when it is not JSON). */
  body<T = Record<string, unknown>>(): Promise<T>;
}

/** One simulated operation: its method, its path template (`{cluster_id}`) and what it answers. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Returns the JSON to answer 200 with, or a Response. */
  handle(context: RouteContext): unknown;
}

/** The cluster of a request, or a 404; with `ready`, a 400 FAILED_PRECONDITION while it is not CREATED. */
export function requireCluster(state: CockroachSimState, id: string, options: { ready?: boolean } = {}): components['schemas']['Cluster'] {
  const cluster = state.clusters.get(id);
  if (!cluster) throw new SimError(404, `cluster ${id} not found`);
  if (options.ready && cluster.state !== 'CREATED') throw preconditionFailed(`cluster ${id} is ${cluster.state}; wait until it is CREATED`);
  return cluster;
}

/** A sub-resource map of a cluster (its SQL users, databases...), created on first use. */
export function mapOf<V>(maps: Map<string, Map<string, V>>, clusterId: string): Map<string, V> {
  let map = maps.get(clusterId);
  if (!map) maps.set(clusterId, (map = new Map()));
  return map;
}
