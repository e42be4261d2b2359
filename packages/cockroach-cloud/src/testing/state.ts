import { realClock, type Clock } from '@x/core';
import { IdSource } from '@x/core/testing';
import type { components } from '../generated/schema';

type Schemas = components['schemas'];
type Cluster = Schemas['Cluster'];

/** Virtual durations of the simulated lifecycles, in ms. */
export interface SimulatorDelays {
  /** CREATING → CREATED. Default 20 s. */
  clusterCreateMs: number;
  /** A version upgrade from MAJOR_UPGRADE_RUNNING to done. Default 60 s. */
  upgradeMs: number;
  /** A private endpoint connection from STATUS_PENDING_ACCEPTANCE to STATUS_AVAILABLE. Default 30 s. */
  privateEndpointMs: number;
}

/** A SQL user as the simulator keeps it (the password is kept so tests can check what was set). */
export interface SimSqlUser {
  name: string;
  password: string;
}

/** One request the simulator saw (after the faults queue), for assertions. */
export interface SimRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  ccVersion: string | null;
}

/** Everything the simulator knows, open to tests: read it, seed it, or change it to stage a failure. */
export class CockroachSimState {
  readonly clusters = new Map<string, Cluster>();
  /** SQL users by cluster id, then name. */
  readonly sqlUsers = new Map<string, Map<string, SimSqlUser>>();
  /** Databases by cluster id, then name. */
  readonly databases = new Map<string, Map<string, Schemas['Database']>>();
  /** IP allowlist entries by cluster id, then `cidr_ip/cidr_mask`. */
  readonly allowlists = new Map<string, Map<string, Schemas['AllowlistEntry']>>();
  /** Private endpoint connections by cluster id, then endpoint id. */
  readonly privateEndpoints = new Map<string, Map<string, Schemas['PrivateEndpointConnection']>>();
  /** The organization audit log, oldest first. */
  readonly auditLogs: Array<Schemas['AuditLogEntry']> = [];
  /** Every request that reached the simulator's checks. */
  readonly requests: SimRequest[] = [];
  readonly ids = new IdSource();
  readonly delays: SimulatorDelays;
  /** When the simulated organization was created. */
  readonly createdAt: number;
  #timeline: Array<{ at: number; seq: number; apply: () => void }> = [];
  #seq = 0;
  #order = new Map<string, number>();

  constructor(
    readonly clock: Clock = realClock,
    delays: Partial<SimulatorDelays> = {},
  ) {
    this.delays = { clusterCreateMs: 20_000, upgradeMs: 60_000, privateEndpointMs: 30_000, ...delays };
    this.createdAt = clock.now();
  }

  /** The simulator's current time as RFC 3339. */
  nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /** Runs `apply` once virtual time reaches `at` (checked on every request and on `sync()`). */
  schedule(delayMs: number, apply: () => void): void {
    this.#timeline.push({ at: this.clock.now() + delayMs, seq: ++this.#seq, apply });
    this.#timeline.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  /** Applies every lifecycle step that is due: call it after moving a virtual clock if you read state directly. */
  sync(): void {
    const now = this.clock.now();
    while (this.#timeline.length && this.#timeline[0]!.at <= now) this.#timeline.shift()!.apply();
  }

  /** A creation-order key for keyset paging (stable across renames). */
  orderKey(id: string): string {
    let n = this.#order.get(id);
    if (n === undefined) this.#order.set(id, (n = ++this.#seq));
    return n.toString().padStart(10, '0');
  }

  /** Adds a cluster directly (no request, no rate limit), `CREATED` unless `state` says otherwise. */
  seedCluster(init: Partial<Cluster> & { name: string }): Cluster {
    const id = init.id ?? this.ids.uuid();
    const provider = init.cloud_provider ?? 'GCP';
    const plan = init.plan ?? 'BASIC';
    const serverless = plan !== 'ADVANCED';
    const cluster: Cluster = {
      id,
      cockroach_version: 'v24.3.4',
      upgrade_status: 'FINALIZED',
      plan,
      cloud_provider: provider,
      state: 'CREATED',
      creator_id: 'sim-service-account',
      operation_status: 'UNSPECIFIED',
      config: serverless
        ? { serverless: { routing_id: `${init.name}-${this.ids.next('')}`, upgrade_type: 'AUTOMATIC' } }
        : { dedicated: { machine_type: 'n2-standard-4', num_virtual_cpus: 4, storage_gib: 150, memory_gib: 16, disk_iops: 450 } },
      regions: [regionOf(init.name, provider === 'AWS' ? 'us-east-1' : 'us-central1', serverless ? 0 : 3)],
      cidr_range: '172.28.0.0/14',
      labels: {},
      created_at: this.nowIso(),
      updated_at: this.nowIso(),
      delete_protection: 'DISABLED',
      ...init,
    } as Cluster;
    cluster.sql_dns ??= cluster.regions[0]?.sql_dns;
    this.clusters.set(id, cluster);
    this.orderKey(id);
    this.databases.set(id, new Map([['defaultdb', { name: 'defaultdb', table_count: '0' }], ['postgres', { name: 'postgres', table_count: '0' }]]));
    this.sqlUsers.set(id, new Map());
    this.allowlists.set(id, new Map());
    this.privateEndpoints.set(id, new Map());
    return cluster;
  }

  /** Appends an audit log entry (its time defaults to now). */
  addAuditLog(entry: Partial<Schemas['AuditLogEntry']> & { action: Schemas['AuditLogAction'] }): Schemas['AuditLogEntry'] {
    const full = { id: this.ids.uuid(), created_at: this.nowIso(), source: 'AUDIT_LOG_SOURCE_CC_API' as const, service_account_name: 'sim-service-account', ...entry };
    this.auditLogs.push(full);
    this.auditLogs.sort((a, b) => (a.created_at! < b.created_at! ? -1 : a.created_at! > b.created_at! ? 1 : 0));
    return full;
  }
}

/** A region entry as a cluster reports it. */
export function regionOf(clusterName: string, region: string, nodeCount: number, primary = false): Cluster['regions'][number] {
  return {
    name: region,
    sql_dns: `${clusterName}.${region}.sim.cockroachlabs.cloud`,
    ui_dns: nodeCount ? `admin-${clusterName}.${region}.sim.cockroachlabs.cloud` : '',
    internal_dns: '',
    private_endpoint_dns: '',
    node_count: nodeCount,
    primary,
  };
}
