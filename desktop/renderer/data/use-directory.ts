import { map } from 'rxjs';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Team } from '@atendo/shared/schemas/team';
import { useObservable } from './use-observable';
import { useWorkspace } from './workspace-context';
import type { DeepReadonly } from 'rxdb';

export type Directory = {
  agents: ReadonlyMap<string, DeepReadonly<Agent>>;
  teams: ReadonlyMap<string, DeepReadonly<Team>>;
  channels: ReadonlyMap<string, DeepReadonly<Channel>>;
};

const EMPTY: Directory = { agents: new Map(), teams: new Map(), channels: new Map() };

/** Agents, teams and channels the agent may see, by id (one replicated collection). */
export function useDirectory(): Directory {
  const { store } = useWorkspace();
  return useObservable(
    () =>
      store.db.directory.find().$.pipe(
        map((docs) => {
          const agents = new Map<string, DeepReadonly<Agent>>();
          const teams = new Map<string, DeepReadonly<Team>>();
          const channels = new Map<string, DeepReadonly<Channel>>();
          for (const doc of docs) {
            const entry = doc.toJSON();
            if (entry.agent) agents.set(entry.agent.id, entry.agent);
            if (entry.team) teams.set(entry.team.id, entry.team);
            if (entry.channel) channels.set(entry.channel.id, entry.channel);
          }
          return { agents, teams, channels };
        }),
      ),
    EMPTY,
    [store],
  );
}

/** An agent's name for the screen; "Agente" while the directory has not synced the agent yet. */
export const agentName = (directory: Directory, id: string | null, fallback: string): string =>
  (id === null ? undefined : directory.agents.get(id)?.name) ?? fallback;
