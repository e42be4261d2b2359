import { describe, expect, it } from 'vitest';
import { AbortError, NotFoundError, ValidationError } from '../src';
import { rejection, simulated, useMsw } from './helpers';

useMsw();

function withProjects(count: number) {
  const setup = simulated();
  for (let i = 0; i < count; i++) setup.sim.state.addProject({ name: `project-${String(i).padStart(3, '0')}`, organization_slug: 'acme' });
  return setup;
}

const pagesAsked = (calls: Array<{ operation: string | undefined; path: string }>, operation: string) => calls.filter((call) => call.operation === operation).length;

describe('organization projects (offset pages)', () => {
  it('iterates every project with for await, one request per 100, in name order', async () => {
    const { client, sim } = withProjects(250);
    const paginator = client.paginateOrganizationProjects({ slug: 'acme' });
    const names: string[] = [];
    for await (const project of paginator) names.push(project.name);
    expect(names).toHaveLength(250);
    expect(names[0]).toBe('project-000');
    expect(names[249]).toBe('project-249');
    expect(paginator.total).toBe(250);
    expect(paginator.cursor).toBeUndefined();
    expect(pagesAsked(sim.calls, 'getAllProjectsForOrganization')).toBe(3);
  });

  it('hands out pages with .pages(), carrying the server total', async () => {
    const { client } = withProjects(45);
    const sizes: number[] = [];
    const totals: Array<number | undefined> = [];
    for await (const page of client.paginateOrganizationProjects({ slug: 'acme', limit: 20 }).pages()) {
      sizes.push(page.items.length);
      totals.push(page.total);
    }
    expect(sizes).toEqual([20, 20, 5]);
    expect(totals).toEqual([45, 45, 45]);
  });

  it('stops at maxItems and maxPages, and resumes from the saved cursor with startAt', async () => {
    const { client, sim } = withProjects(30);
    const first = client.paginateOrganizationProjects({ slug: 'acme', limit: 10 }, { maxPages: 1, prefetch: false });
    const firstNames = (await first.toArray()).map((project) => project.name);
    expect(firstNames).toHaveLength(10);
    expect(first.cursor).toBe(10);

    const rest = await client.paginateOrganizationProjects({ slug: 'acme', limit: 10 }, { startAt: first.cursor }).toArray();
    expect(rest.map((project) => project.name)).toEqual(Array.from({ length: 20 }, (_, i) => `project-${String(i + 10).padStart(3, '0')}`));

    const before = pagesAsked(sim.calls, 'getAllProjectsForOrganization');
    const capped = await client.paginateOrganizationProjects({ slug: 'acme', limit: 10 }, { maxItems: 12, prefetch: false }).toArray();
    expect(capped).toHaveLength(12);
    expect(pagesAsked(sim.calls, 'getAllProjectsForOrganization') - before).toBe(2);
  });

  it('passes search, sort and statuses to the API', async () => {
    const { client, sim } = withProjects(5);
    sim.state.setProjectStatus([...sim.state.projects.keys()][1]!, 'INACTIVE');
    const inactive = await client.paginateOrganizationProjects({ slug: 'acme', statuses: ['INACTIVE'] }).toArray();
    expect(inactive.map((project) => project.name)).toEqual(['project-001']);
    const searched = await client.paginateOrganizationProjects({ slug: 'acme', search: '-00', sort: 'name_desc' }).toArray();
    expect(searched.map((project) => project.name)).toEqual(['project-004', 'project-003', 'project-002', 'project-001', 'project-000']);
  });

  it('refuses a limit outside 1–100 before sending anything, and surfaces an unknown organization', async () => {
    const { client } = withProjects(0);
    expect(() => client.paginateOrganizationProjects({ slug: 'acme', limit: 101 })).toThrow(ValidationError);
    expect(await rejection(client.paginateOrganizationProjects({ slug: 'nope' }).toArray())).toBeInstanceOf(NotFoundError);
  });

  it('stops with an AbortError when the signal fires between pages', async () => {
    const { client } = withProjects(30);
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const project of client.paginateOrganizationProjects({ slug: 'acme', limit: 10 }, { signal: controller.signal, prefetch: false })) {
          seen.push(project.name);
          if (seen.length === 10) controller.abort();
        }
      })(),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(10);
  });
});

describe('action runs (offset pages and a HEAD count)', () => {
  it('counts runs with HEAD as a number and pages through them', async () => {
    const { client, sim } = simulated();
    const project = sim.state.addProject({ name: 'ci', organization_slug: 'acme' });
    const runs = sim.state.addActionRuns(project.ref, 35);
    expect(await client.countActionRuns({ ref: project.ref })).toBe(35);
    const paginator = client.paginateActionRuns({ ref: project.ref, limit: 10 });
    const sizes: number[] = [];
    for await (const page of paginator.pages()) sizes.push(page.items.length);
    expect(sizes).toEqual([10, 10, 10, 5]);
    expect((await client.paginateActionRuns({ ref: project.ref }).toArray()).map((run) => run.id)).toEqual(runs.map((run) => run.id));
  });

  it('reads the count through the raw layer as the X-Total-Count header', async () => {
    const { client, sim } = simulated();
    const project = sim.state.addProject({ name: 'ci', organization_slug: 'acme' });
    sim.state.addActionRuns(project.ref, 3);
    const { response } = await client.raw.HEAD('/v1/projects/{ref}/actions', { params: { path: { ref: project.ref } } });
    expect(response.headers.get('x-total-count')).toBe('3');
  });

  it('fails a count on an unknown project with a NotFoundError, and refuses a page size under 10', async () => {
    const { client } = simulated();
    const error = await rejection(client.countActionRuns({ ref: 'abcdefghijklmnopqrst' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).operation).toBe('countActionRuns');
    expect(() => client.paginateActionRuns({ ref: 'abcdefghijklmnopqrst', limit: 5 })).toThrow(ValidationError);
  });

  it('sends a count with the request options: headers, a signal, the operation name hooks see', async () => {
    const seen: Array<{ operation?: string; trace?: string | null }> = [];
    const { client, sim } = simulated({
      client: {
        hooks: { onRequest: (event) => void seen.push({ operation: event.operation }) },
        fetch: (input, init) => {
          seen.push({ trace: new Headers(init?.headers).get('x-trace') });
          return fetch(input, init);
        },
      },
    });
    const project = sim.state.addProject({ name: 'ci', organization_slug: 'acme' });
    sim.state.addActionRuns(project.ref, 4);
    expect(await client.countActionRuns({ ref: project.ref }, { headers: { 'x-trace': 't-1' }, operation: 'countCiRuns' })).toBe(4);
    expect(seen).toEqual([{ operation: 'countCiRuns' }, { trace: 't-1' }]);
    const aborted = await rejection(client.countActionRuns({ ref: project.ref }, { signal: AbortSignal.abort() }));
    expect(aborted).toBeInstanceOf(AbortError);
  });
});

describe('snippets (cursor pages)', () => {
  it('follows the cursor page by page and can resume from it', async () => {
    const { client, sim } = simulated();
    sim.state.addSnippets(25);
    const paginator = client.paginateSnippets({ limit: 10, sort_by: 'name', sort_order: 'asc' });
    const sizes: number[] = [];
    const cursors: Array<string | null | undefined> = [];
    for await (const page of paginator.pages()) {
      sizes.push(page.items.length);
      cursors.push(page.next);
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(cursors[0]).toEqual(expect.any(String));
    expect(cursors[2]).toBeUndefined();

    const first = client.paginateSnippets({ limit: 10, sort_by: 'name', sort_order: 'asc' }, { maxPages: 1, prefetch: false });
    expect((await first.toArray()).at(-1)?.name).toBe('snippet 010');
    const rest = await client.paginateSnippets({ limit: 10, sort_by: 'name', sort_order: 'asc' }, { startAt: first.cursor }).toArray();
    expect(rest.map((snippet) => snippet.name)).toEqual(Array.from({ length: 15 }, (_, i) => `snippet ${String(i + 11).padStart(3, '0')}`));
  });

  it('lists only one project’s snippets when asked', async () => {
    const { client, sim } = simulated();
    const project = sim.state.addProject({ name: 'p', organization_slug: 'acme' });
    sim.state.addSnippets(3);
    sim.state.addSnippets(2, { projectRef: project.ref });
    const snippets = await client.paginateSnippets({ project_ref: project.ref }).toArray();
    expect(snippets).toHaveLength(2);
    expect(snippets.every((snippet) => snippet.visibility === 'project')).toBe(true);
  });
});
