// One operation through @x/hasura-cloud's named layer.
import { asProjectId, createHasuraCloudClient } from '@x/hasura-cloud';

export async function main(): Promise<string> {
  const client = createHasuraCloudClient({ accessToken: 'pat_token' });
  const project = await client.getProject(asProjectId('3f1c2b9e-8a4d-4c6e-9f10-2b7d5e8a1c34'));
  return project.name;
}
