import type { Paginator } from '@x/core';
import type { PrefectContext } from './context';
import type { Agent_Bool_Exp, Agent_Order_By, ListAgentsQuery } from './generated/graphql';
import { offsetList, type ListOptions } from './list';

/** An agent that has polled the tenant for runs. */
export type Agent = ListAgentsQuery['agent'][number];

/** The tenant's agents, most recently active first, as a `for await` list whose `total` is `agent_aggregate`. */
export function listAgents(context: PrefectContext, options: ListOptions<Agent_Bool_Exp, Agent_Order_By> = {}): Paginator<Agent, number> {
  const where = options.where;
  const orderBy = options.orderBy ?? [{ last_queried: 'desc_nulls_last' }, { id: 'asc' }];
  return offsetList('ListAgents', options, async ({ limit, offset }, call) => {
    const data = await context.call(call, (sdk, signal) => sdk.ListAgents({ where, orderBy, limit, offset }, undefined, signal));
    return { items: data.agent, total: data.agent_aggregate.aggregate?.count };
  });
}
