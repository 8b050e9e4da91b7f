/*
 * The ingest benchmark's agents in their own process (the default), so their CPU time is
 * reported apart from the server's and the load generator's. Tells the parent `ready` once
 * every agent is subscribed; answers `drain` with the arrivals; exits on `stop`.
 */
import { z } from 'zod';
import { connectAgents } from './ingest-agents';
import { AgentsConfig } from './ingest-contracts';
import { childConfig, onParentRequest, sendToParent } from './ingest-ipc';

const DrainRequest = z.object({ expected: z.number(), timeoutMs: z.number() });

const agents = await connectAgents(childConfig(AgentsConfig));
onParentRequest({
  drain: (message) => {
    const { expected, timeoutMs } = DrainRequest.parse(message);
    void agents.drain(expected, timeoutMs).then(sendToParent);
  },
  stop: () => {
    agents.close();
    process.exit(0);
  },
});
await sendToParent({ type: 'ready' });
