import type { Agent } from '@atendo/shared/schemas/agent';
import type { Config } from '../config';
import type { Deps } from '../services/deps';
import { agentForToken } from '../auth/sessions';

/** What every procedure receives: the services' dependencies and who is calling. */
export type Context = {
  deps: Deps;
  config: Config;
  /** The bearer token of the request, so logout can delete it. */
  token: string | null;
  agent: Agent | null;
  /** The caller's address as the socket (or a trusted proxy) gives it, for the access log. */
  ip: string | null;
};

export async function contextForToken(
  deps: Deps,
  config: Config,
  token: string | null,
  ip: string | null = null,
): Promise<Context> {
  const agent = token ? await agentForToken(deps.db, token, deps.clock.now()) : null;
  return { deps, config, token, agent, ip };
}
