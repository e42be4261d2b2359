import { describe, expect, it } from 'vitest';
import { NotFoundError, asTenantId } from '../src';
import { useSimulator } from './helpers';

const { start } = useSimulator();

describe('custom domains and egress IPs', () => {
  it('adds a domain, lists the tenant domains and gets one by id', async () => {
    const { sim, client } = start();
    const { tenantId } = sim.state.addProject({ name: 'shop' });
    const added = await client.addCustomDomain(asTenantId(tenantId), ' API.Shop.Example.com ');
    expect(added).toMatchObject({ fqdn: 'api.shop.example.com', tenantId, dnsValidation: 'CNAME api.shop.example.com shop.hasura.app' });
    expect(await client.listCustomDomains(asTenantId(tenantId))).toEqual([added]);
    expect(await client.getCustomDomain(added.id)).toEqual(added);
  });

  it('fails with NotFoundError for an unknown domain or tenant', async () => {
    const { client } = start();
    await expect(client.getCustomDomain('00000000-0000-4000-8000-00000000dddd')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.listCustomDomains(asTenantId('00000000-0000-4000-8000-00000000dddd'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists the distinct egress IPs of active regions that have one', async () => {
    const { sim, client } = start();
    sim.state.regions.push({ name: 'us-east-2b', nat_ip: '3.131.20.10', is_active: true });
    expect(await client.listEgressIps()).toEqual(['18.192.30.40', '3.131.20.10', '54.183.10.20']);
    expect(sim.state.calls[0]!.variables).toEqual({ isActive: true, natIpIsNull: false });
  });
});
