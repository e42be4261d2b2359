import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../src';
import { rejection, simulated, useMsw } from './helpers';

useMsw();

function withProject() {
  const setup = simulated();
  const project = setup.sim.state.addProject({ name: 'db', organization_slug: 'acme' });
  return { ...setup, ref: project.ref };
}

describe('database queries', () => {
  it('runs `select 1` and gets the rows back as a JSON array (201), through both layers', async () => {
    const { client, ref, sim } = withProject();
    expect(await client.runAQuery({ ref, body: { query: 'select 1' } })).toEqual([{ '?column?': 1 }]);
    expect(await client.runAQuery({ ref, body: { query: 'SELECT 42 AS answer;' } })).toEqual([{ answer: 42 }]);
    const { data, response } = await client.raw.POST('/v1/projects/{ref}/database/query', { params: { path: { ref } }, body: { query: 'select current_database()' } });
    expect(response.status).toBe(201);
    expect(data).toEqual([{ current_database: 'postgres' }]);
    expect(sim.state.queries.map((query) => query.query)).toEqual(['select 1', 'SELECT 42 AS answer;', 'select current_database()']);
  });

  it('answers canned statements registered on the state, and refuses unknown ones with a hint', async () => {
    const { client, ref, sim } = withProject();
    sim.state.answerQuery('select id, title from todos', [{ id: 1, title: 'write tests' }]);
    expect(await client.runAQuery({ ref, body: { query: 'SELECT id, title FROM todos;' } })).toEqual([{ id: 1, title: 'write tests' }]);
    const error = await rejection(client.runAQuery({ ref, body: { query: 'select * from nowhere' } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain('answerQuery');
  });

  it('refuses writes on the read-only endpoint and returns no rows for writes elsewhere', async () => {
    const { client, ref } = withProject();
    expect(await client.runAQuery({ ref, body: { query: 'create table t (id int)' } })).toEqual([]);
    const error = await rejection(client.readOnlyQuery({ ref, body: { query: 'insert into t values (1)' } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain('read-only transaction');
    expect(await client.readOnlyQuery({ ref, body: { query: 'select version()' } })).toEqual([{ version: expect.stringContaining('PostgreSQL 17') }]);
  });

  it('refuses a query while the project is still coming up', async () => {
    const { client } = simulated();
    const { ref } = await client.createAProject({ body: { name: 'new', organization_slug: 'acme', db_pass: 'pw' } });
    const error = await rejection(client.runAQuery({ ref, body: { query: 'select 1' } }));
    expect(error.message).toContain('COMING_UP');
  });
});

describe('snippets', () => {
  it('gets one snippet with its SQL content', async () => {
    const { client, sim } = simulated();
    const [snippet] = sim.state.addSnippets(1);
    const fetched = await client.getASnippet({ id: snippet!.id });
    expect(fetched.content.sql).toBe('select 1;');
    const { data } = await client.raw.GET('/v1/snippets', { params: { query: { limit: '5' } } });
    expect(data?.data).toHaveLength(1);
  });
});
