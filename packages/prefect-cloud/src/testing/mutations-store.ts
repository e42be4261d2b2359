// Tenant stores: secrets, the key-value store and concurrency limits (upserts by name, deletes by id).
import type { RootTable } from './context';
import { SimulatedError } from './execute';

type Input = Record<string, unknown>;
const input = (args: Record<string, unknown>): Input => (args.input ?? {}) as Input;

/** The secret, key-value and limit mutation roots. */
export const storeMutations: RootTable = {
  set_secret: (args, { state, access }) => {
    const tenantId = access.write();
    const { name, value } = input(args);
    if (typeof name !== 'string' || !name) throw new SimulatedError('A secret needs a name.', 'BAD_USER_INPUT');
    const found = state.secrets.find((s) => s.tenant_id === tenantId && s.name === name);
    if (found) found.value = value;
    else state.secrets.push({ tenant_id: tenantId, name, value });
    return { success: true, error: null };
  },
  delete_secret: (args, { state, access }) => {
    const tenantId = access.write();
    const index = state.secrets.findIndex((s) => s.tenant_id === tenantId && s.name === input(args).name);
    if (index < 0) return { success: false, error: 'Secret not found.' };
    state.secrets.splice(index, 1);
    return { success: true, error: null };
  },

  set_key_value: (args, { state, access }) => {
    const tenantId = access.write();
    const { key, value } = input(args);
    if (typeof key !== 'string' || !key) throw new SimulatedError('A key is required.', 'BAD_USER_INPUT');
    const found = [...state.keyValues.values()].find((kv) => kv.tenant_id === tenantId && kv.key === key);
    if (found) {
      found.value = value;
      found.updated = state.now();
      return { id: found.id };
    }
    const row = { id: state.ids.uuid(), created: state.now(), updated: state.now(), tenant_id: tenantId, key, value };
    state.keyValues.set(row.id, row);
    return { id: row.id };
  },
  delete_key_value: (args, { state, access }) => {
    const tenantId = access.write();
    const row = state.keyValues.get(String(input(args).key_value_id));
    if (!row || row.tenant_id !== tenantId) return { success: false, error: 'Key value not found.' };
    state.keyValues.delete(row.id);
    return { success: true, error: null };
  },

  update_task_tag_limit: (args, { state, access }) => {
    const tenantId = access.write();
    const { tag, limit } = input(args);
    const found = [...state.taskTagLimits.values()].find((l) => l.tenant_id === tenantId && l.tag === tag);
    if (found) Object.assign(found, { limit: Number(limit), updated: state.now() });
    const row = found ?? { id: state.ids.uuid(), created: state.now(), updated: state.now(), tenant_id: tenantId, tag: String(tag), limit: Number(limit) };
    state.taskTagLimits.set(row.id, row);
    return { id: row.id };
  },
  delete_task_tag_limit: (args, { state, access }) => {
    const tenantId = access.write();
    const row = state.taskTagLimits.get(String(input(args).limit_id));
    if (!row || row.tenant_id !== tenantId) return { success: false, error: 'Limit not found.' };
    state.taskTagLimits.delete(row.id);
    return { success: true, error: null };
  },
  update_flow_concurrency_limit: (args, { state, access }) => {
    const tenantId = access.write();
    const { label, limit } = input(args);
    const found = [...state.flowConcurrencyLimits.values()].find((l) => l.tenant_id === tenantId && l.name === label);
    if (found) Object.assign(found, { limit: Number(limit), updated: state.now() });
    const row = found ?? { id: state.ids.uuid(), created: state.now(), updated: state.now(), tenant_id: tenantId, name: String(label), limit: Number(limit) };
    state.flowConcurrencyLimits.set(row.id, row);
    return { id: row.id };
  },
  delete_flow_concurrency_limit: (args, { state, access }) => {
    const tenantId = access.write();
    const row = state.flowConcurrencyLimits.get(String(input(args).limit_id));
    if (!row || row.tenant_id !== tenantId) return { success: false, error: 'Limit not found.' };
    state.flowConcurrencyLimits.delete(row.id);
    return { success: true, error: null };
  },
};
