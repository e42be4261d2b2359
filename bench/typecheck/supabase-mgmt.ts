// One operation through @x/supabase-mgmt's named layer.
import { createSupabaseMgmtClient } from '@x/supabase-mgmt';

export async function main(): Promise<string> {
  const client = createSupabaseMgmtClient({ accessToken: 'sbp_token' });
  const project = await client.getProject({ ref: 'abcdefghijklmnopqrst' });
  return project.name;
}
