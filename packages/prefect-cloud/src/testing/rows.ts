// The simulator's tables. Each row carries every column the schema gives its table (null when unset), so any
// selection of columns works; relationships are added by the views.

/** Roles of a membership: what the simulator lets a member do. */
export type SimRole = 'TENANT_ADMIN' | 'USER' | 'READ_ONLY_USER';

/** A tenant (an organization or team account). */
export interface TenantRow { id: string; created: string; updated: string; name: string; slug: string; info: unknown; settings: unknown }
/** A user. */
export interface UserRow { id: string; created: string; updated: string; username: string; email: string | null; first_name: string | null; last_name: string | null; account_type: string; default_membership_id: string | null }
/** A user's membership of a tenant, with the role the simulator enforces. */
export interface MembershipRow { id: string; created: string; updated: string; tenant_id: string; user_id: string; role_id: string | null; role: SimRole }
/** An API key; `key` is the secret and never leaves the simulator through a query. */
export interface ApiKeyRow { id: string; created: string; updated: string; name: string; user_id: string; created_by_user_id: string; default_tenant_id: string | null; expires_at: string | null; key: string }
/** A legacy API token; `token` is the secret. */
export interface ApiTokenRow { id: string; created: string; updated: string; name: string; scope: 'USER' | 'TENANT' | 'RUNNER'; tenant_id: string | null; user_id: string | null; created_by_user_id: string | null; expires_at: string | null; last_used: string | null; token: string }
/** A USER-token session: `revoked` after log_out; `refreshSpent` once its refresh token was used (it rotates). */
export interface SessionRow { userId: string; tenantId: string; accessToken: string; refreshToken: string; expiresAt: number; refreshExpiresAt: number; revoked: boolean; refreshSpent: boolean }
/** A project. */
export interface ProjectRow { id: string; created: string; updated: string; tenant_id: string; name: string; description: string | null }
/** The versions of one flow share a group (`version_group_id` is its name). */
export interface FlowGroupRow { id: string; created: string; updated: string; tenant_id: string; name: string; description: string | null; settings: unknown; default_parameters: unknown; schedule: unknown; labels: string[]; run_config: unknown }
/** One registered flow version. */
export interface FlowRow {
  id: string; created: string; updated: string; tenant_id: string; project_id: string; flow_group_id: string; version_group_id: string; version: number; archived: boolean;
  name: string; description: string | null; core_version: string; is_schedule_active: boolean; schedule: unknown; serialized_flow: unknown; environment: unknown; run_config: unknown; storage: unknown; parameters: unknown;
}
/** A task of a flow version. */
export interface TaskRow { id: string; created: string; updated: string; tenant_id: string; flow_id: string; name: string; slug: string; description: string | null; type: string; max_retries: number; retry_delay: string | null; trigger: string; tags: string[]; mapped: boolean; auto_generated: boolean; cache_key: string | null; is_root_task: boolean; is_terminal_task: boolean; is_reference_task: boolean }
/** A flow run; `auto` says the simulator still moves it along. */
export interface FlowRunRow {
  id: string; created: string; updated: string; tenant_id: string; flow_id: string; agent_id: string | null; parameters: unknown; labels: string[]; run_config: unknown; context: unknown; version: number;
  heartbeat: string | null; scheduled_start_time: string; start_time: string | null; end_time: string | null; auto_scheduled: boolean; name: string; times_resurrected: number; idempotency_key: string | null;
  state: string; state_timestamp: string; state_message: string | null; state_result: unknown; state_start_time: string | null; serialized_state: unknown;
  /** Whether the simulator still drives this run (false once a caller set its state). */
  auto: boolean;
}
/** A task run of a flow run. */
export interface TaskRunRow { id: string; created: string; updated: string; tenant_id: string; flow_run_id: string; task_id: string; map_index: number; version: number; heartbeat: string | null; start_time: string | null; end_time: string | null; cache_key: string | null; name: string | null; state: string; state_timestamp: string; state_message: string | null; state_result: unknown; state_start_time: string | null; serialized_state: unknown }
/** One entry of a flow run's state history. */
export interface RunStateRow { id: string; created: string; updated: string; tenant_id: string; flow_run_id: string; timestamp: string; message: string | null; result: string | null; start_time: string | null; state: string; version: number; serialized_state: unknown }
/** A log line. */
export interface LogRow { id: string; created: string; updated: string; tenant_id: string; flow_run_id: string; task_run_id: string | null; timestamp: string; name: string; level: string; message: string; info: unknown }
/** An agent that polled the tenant. */
export interface AgentRow { id: string; created: string; tenant_id: string; agent_config_id: string | null; name: string; type: string; core_version: string; labels: string[]; last_queried: string | null }
/** A key-value store entry. */
export interface KeyValueRow { id: string; created: string; updated: string; tenant_id: string; key: string; value: unknown }
/** A task tag concurrency limit. */
export interface TaskTagLimitRow { id: string; created: string; updated: string; tenant_id: string; tag: string; limit: number }
/** A flow-run label concurrency limit (`name` is the label). */
export interface FlowConcurrencyLimitRow { id: string; created: string; updated: string; tenant_id: string; name: string; limit: number }
/** A tenant secret. */
export interface SecretRow { tenant_id: string; name: string; value: unknown }
