// One operation through the community SDK: the baseline of the typecheck section.
import { SupabaseManagementAPI } from 'supabase-management-js';

export async function main(): Promise<string> {
  const api = new SupabaseManagementAPI({ accessToken: 'sbp_token' });
  const project = await api.getProject('abcdefghijklmnopqrst');
  return project.data.name;
}
