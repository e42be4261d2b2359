import type { components } from '../generated/schema';
import { empty, fail, projectOr404, readJson, reply, type RouteContext, type RouteDefinition } from './routes';
import type { SimBranch, SimulatorState } from './state';

type Schemas = components['schemas'];

function branchResponse(state: SimulatorState, branch: SimBranch): Schemas['BranchResponse'] {
  const { status, preview } = state.branchStatus(branch);
  return { ...branch.info, status, preview_project_status: preview };
}

function branchOr404(context: RouteContext): SimBranch | Response {
  return context.state.findBranch(context.params.branch_id_or_ref!) ?? fail(404, `Branch ${context.params.branch_id_or_ref} not found`);
}

function newBranch(state: SimulatorState, parentRef: string, input: { name: string; projectRef: string; isDefault: boolean; gitBranch?: string; persistent?: boolean; withData?: boolean }): SimBranch {
  const stamp = state.iso();
  const branch: SimBranch = {
    info: {
      id: state.ids.uuid(),
      name: input.name,
      project_ref: input.projectRef,
      parent_project_ref: parentRef,
      is_default: input.isDefault,
      persistent: input.persistent ?? input.isDefault,
      with_data: input.withData ?? false,
      created_at: stamp,
      updated_at: stamp,
      ...(input.gitBranch !== undefined && { git_branch: input.gitBranch }),
    },
    readyAt: state.clock.now() + (input.isDefault ? 0 : state.delays.branchReadyMs),
  };
  state.branches.set(branch.info.id, branch);
  return branch;
}

function branchAction(kind: 'push' | 'merge' | 'reset'): RouteDefinition {
  return {
    method: 'POST',
    path: `/v1/branches/{branch_id_or_ref}/${kind}`,
    resolve: async (context) => {
      const branch = branchOr404(context);
      if (branch instanceof Response) return branch;
      await readJson<Schemas['BranchActionBody']>(context.request);
      // A push or reset runs the branch's workflow: it shows up as an action run of the branch's project.
      const [run] = context.state.addActionRuns(branch.info.project_ref, 1);
      return reply<Schemas['BranchUpdateResponse']>({ workflow_run_id: run!.id, message: 'ok' }, 201);
    },
  };
}

/** Preview branches: enable by creating one, list, get by name, details by ref or UUID, diff, update, delete. */
export function branchRoutes(): RouteDefinition[] {
  return [
    {
      method: 'GET',
      path: '/v1/projects/{ref}/branches',
      resolve: (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        const branches = [...context.state.branches.values()].filter((branch) => branch.info.parent_project_ref === project.ref);
        return reply<Schemas['BranchResponse'][]>(branches.map((branch) => branchResponse(context.state, branch)));
      },
    },
    {
      method: 'POST',
      path: '/v1/projects/{ref}/branches',
      resolve: async (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        const body = await readJson<Schemas['CreateBranchBody']>(context.request);
        if (!body?.branch_name) return fail(400, 'branch_name is required');
        const existing = [...context.state.branches.values()].filter((branch) => branch.info.parent_project_ref === project.ref);
        if (existing.some((branch) => branch.info.name === body.branch_name)) return fail(409, `A branch named ${body.branch_name} already exists`);
        // The first branch turns branching on, which makes the project itself the default branch.
        if (!existing.length) newBranch(context.state, project.ref, { name: 'main', projectRef: project.ref, isDefault: true });
        const branch = newBranch(context.state, project.ref, {
          name: body.branch_name,
          projectRef: context.state.ids.ref(20),
          isDefault: false,
          ...(body.git_branch !== undefined && { gitBranch: body.git_branch }),
          ...(body.persistent !== undefined && { persistent: body.persistent }),
          ...(body.with_data !== undefined && { withData: body.with_data }),
        });
        return reply<Schemas['BranchResponse']>(branchResponse(context.state, branch), 201);
      },
    },
    {
      method: 'DELETE',
      path: '/v1/projects/{ref}/branches',
      resolve: (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        for (const [id, branch] of context.state.branches) if (branch.info.parent_project_ref === project.ref) context.state.branches.delete(id);
        return empty(200);
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{ref}/branches/{name}',
      resolve: (context) => {
        const branch = [...context.state.branches.values()].find((candidate) => candidate.info.parent_project_ref === context.params.ref && candidate.info.name === context.params.name);
        return branch ? reply<Schemas['BranchResponse']>(branchResponse(context.state, branch)) : fail(404, `Branch ${context.params.name} not found`);
      },
    },
    {
      method: 'GET',
      path: '/v1/branches/{branch_id_or_ref}',
      resolve: (context) => {
        const branch = branchOr404(context);
        if (branch instanceof Response) return branch;
        const ref = branch.info.project_ref;
        return reply<Schemas['BranchDetailResponse']>({
          ref,
          postgres_version: '17.4.1.054',
          postgres_engine: '17',
          release_channel: 'ga',
          status: context.state.branchStatus(branch).preview,
          db_host: `db.${ref}.supabase.co`,
          db_port: 5432,
          db_user: 'postgres',
        });
      },
    },
    {
      method: 'PATCH',
      path: '/v1/branches/{branch_id_or_ref}',
      resolve: async (context) => {
        const branch = branchOr404(context);
        if (branch instanceof Response) return branch;
        const body = await readJson<Schemas['UpdateBranchBody']>(context.request);
        if (!body) return fail(400, 'The body must be JSON');
        if (body.branch_name !== undefined) branch.info.name = body.branch_name;
        if (body.git_branch !== undefined) branch.info.git_branch = body.git_branch;
        if (body.persistent !== undefined) branch.info.persistent = body.persistent;
        branch.info.updated_at = context.state.iso();
        return reply<Schemas['BranchResponse']>(branchResponse(context.state, branch));
      },
    },
    {
      method: 'DELETE',
      path: '/v1/branches/{branch_id_or_ref}',
      resolve: (context) => {
        const branch = branchOr404(context);
        if (branch instanceof Response) return branch;
        if (branch.info.is_default) return fail(400, 'The default branch cannot be deleted; disable branching on the project instead');
        context.state.branches.delete(branch.info.id);
        return reply<Schemas['BranchDeleteResponse']>({ message: 'ok' });
      },
    },
    {
      method: 'GET',
      path: '/v1/branches/{branch_id_or_ref}/diff',
      resolve: (context) => {
        const branch = branchOr404(context);
        if (branch instanceof Response) return branch;
        const schemas = context.url.searchParams.get('included_schemas') ?? 'public';
        return new Response(`-- diff of branch ${branch.info.name} against ${branch.info.parent_project_ref} (schemas: ${schemas})\ncreate table public.todos (id bigint primary key, title text);\n`, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
      },
    },
    branchAction('push'),
    branchAction('merge'),
    branchAction('reset'),
  ];
}
