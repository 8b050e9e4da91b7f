import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BRUNO,
  CARLA,
  createHarness,
  expectDenied,
  type Caller,
  type Harness,
} from '../../testing/harness';

/* What agents can no longer do with what an admin archived or deactivated. */

describe('archived and deactivated targets', () => {
  let h: Harness;
  let admin: Caller;
  beforeEach(async () => {
    h = await createHarness();
    admin = await h.as('admin@atendo.demo');
  });
  afterEach(async () => {
    await h.close();
  });

  it('starts no conversation on an archived channel', async () => {
    await admin.admin.channels.archive({ channelId: 'channel-receptivo' });
    await admin.admin.channels.archive({ channelId: 'channel-webchat' });
    const bruno = await h.as(BRUNO);
    const refused = await expectDenied(
      bruno.conversation.start({
        contactId: 'contact-lucia',
        channelId: 'channel-webchat',
        clientId: 'c1',
        content: { kind: 'text', text: 'Olá' },
      }),
      'channel-archived',
    );
    expect(refused.details).toEqual({ channelId: 'channel-webchat', field: 'channelId' });
  });

  it('transfers to no archived team and no deactivated agent, and invites no deactivated agent', async () => {
    const team = await admin.admin.teams.create({
      name: 'Antiga',
      settings: { dispositionRequired: false, csatEnabled: false, csatTimeoutMs: 3_600_000 },
      memberIds: ['agent-bruno'],
    });
    await admin.admin.teams.archive({ teamId: team.id });
    await admin.admin.agents.deactivate({ agentId: 'agent-ana' });
    const bruno = await h.as(BRUNO);
    await bruno.conversation.take({ conversationId: 'conv-pedro-1' });
    const toTeam = await expectDenied(
      bruno.conversation.transfer({
        conversationId: 'conv-pedro-1',
        toAgentId: null,
        toTeamId: team.id,
        note: null,
      }),
      'team-archived',
    );
    expect(toTeam.details).toMatchObject({ field: 'toTeamId' });
    const toAgent = await expectDenied(
      bruno.conversation.transfer({
        conversationId: 'conv-pedro-1',
        toAgentId: 'agent-ana',
        toTeamId: null,
        note: null,
      }),
      'invalid-input',
    );
    expect(toAgent.details).toMatchObject({ field: 'toAgentId', reason: 'deactivated' });
    await expectDenied(
      bruno.conversation.invite({ conversationId: 'conv-pedro-1', agentId: 'agent-ana' }),
      'invalid-input',
    );
    // The supervisor can still pull it back to its own queue.
    const carla = await h.as(CARLA);
    expect(
      await carla.monitoring.sendBackToQueue({ conversationId: 'conv-pedro-1' }),
    ).toMatchObject({ state: 'queued' });
  });
});
