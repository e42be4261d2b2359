// One operation through @x/prefect-cloud's named layer.
import { createPrefectCloudClient } from '@x/prefect-cloud';

export async function main(): Promise<string> {
  const client = createPrefectCloudClient({ apiKey: 'pcu_token' });
  const flow = await client.getFlow('3f1c2b9e-8a4d-4c6e-9f10-2b7d5e8a1c34');
  return flow.name ?? '';
}
