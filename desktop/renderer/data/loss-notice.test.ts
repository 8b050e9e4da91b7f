import { describe, expect, it } from 'vitest';
import type { Message, SystemEvent } from '@atendo/shared/schemas/message';
import { initI18n } from '../i18n/i18n';
import { systemEventText, type NameLookup } from '../i18n/system-event-text';
import { latestLoss, lossText, type LossNotice } from './loss-notice';

const present = (loss: LossNotice | null): LossNotice => {
  if (loss === null) throw new Error('expected a loss notice');
  return loss;
};

const setup = async (locale: 'pt-BR' | 'en' = 'pt-BR') => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  return (await initI18n(locale)).t;
};

const AGENTS: Record<string, { name: string; role: string }> = {
  carla: { name: 'Carla Mendes', role: 'supervisor' },
  ana: { name: 'Ana Souza', role: 'agent' },
  diego: { name: 'Diego Alves', role: 'agent' },
};

const names = (t: Awaited<ReturnType<typeof setup>>): NameLookup => ({
  agent: (id) => (id === null ? '?' : (AGENTS[id]?.name ?? id)),
  actor: (id) => {
    const agent = id === null ? undefined : AGENTS[id];
    if (agent === undefined) return id ?? '?';
    return agent.role === 'supervisor'
      ? t('supervise.withRole', { name: agent.name, role: t('supervise.role.supervisor') })
      : agent.name;
  },
  team: (id) => ({ vendas: 'Vendas', suporte: 'Suporte' })[id] ?? id,
  tag: (id) => id,
  disposition: (id) => id,
});

const line = (system: SystemEvent, at = 1): Message => ({
  id: `m-${at}`,
  conversationId: 'c-1',
  direction: 'internal',
  kind: 'system',
  authorAgentId: null,
  body: '',
  attachments: [],
  template: null,
  system,
  status: 'sent',
  error: null,
  channelMessageId: null,
  clientId: null,
  createdAt: at,
  updatedAt: at,
});

const reassigned: SystemEvent = {
  type: 'transferred',
  fromAgentId: 'ana',
  toAgentId: 'diego',
  toTeamId: 'vendas',
  note: null,
  byAgentId: 'carla',
};

describe('the agent who loses a conversation is told who did it', () => {
  it('names the supervisor who reassigned it, when the conversation has left the store', async () => {
    const t = await setup();
    const loss = latestLoss(
      [line({ type: 'taken', agentId: 'ana' }), line(reassigned, 2)],
      'ana',
      null,
    );
    expect(loss).not.toBeNull();
    expect(lossText(t, present(loss), names(t))).toBe(
      'Carla Mendes (supervisão) reatribuiu este atendimento para Diego Alves.',
    );
    const en = await setup('en');
    expect(lossText(en, present(loss), names(en))).toBe(
      'Carla Mendes (supervisor) reassigned this conversation to Diego Alves.',
    );
  });

  it('says who sent it back to the queue and who force-closed it', async () => {
    const t = await setup();
    const back = latestLoss(
      [
        line({
          type: 'sent-back-to-queue',
          byAgentId: 'carla',
          teamId: 'suporte',
          fromAgentId: 'ana',
        }),
      ],
      'ana',
      { ownerId: null, participantIds: [] },
    );
    expect(lossText(t, present(back), names(t))).toBe(
      'Carla Mendes (supervisão) devolveu este atendimento à fila da equipe Suporte.',
    );
    const closed = latestLoss(
      [line({ type: 'closed', byAgentId: 'carla', dispositionId: null, forced: true })],
      'ana',
      { ownerId: 'ana', participantIds: [] },
    );
    expect(lossText(t, present(closed), names(t))).toBe(
      'Carla Mendes (supervisão) finalizou este atendimento pelo monitoramento.',
    );
  });

  it('says nothing for the agent’s own moves, or once they hold it again', () => {
    const own: SystemEvent = { ...reassigned, byAgentId: undefined, fromAgentId: 'ana' };
    expect(latestLoss([line(own)], 'ana', null)).toBeNull();
    expect(
      latestLoss([line(reassigned), line({ type: 'taken', agentId: 'ana' }, 2)], 'ana', null),
    ).toBeNull();
    expect(latestLoss([line(reassigned)], 'diego', null)).toBeNull();
    expect(
      latestLoss(
        [line({ type: 'closed', byAgentId: 'ana', dispositionId: null, forced: false })],
        'ana',
        { ownerId: 'ana', participantIds: [] },
      ),
    ).toBeNull();
  });

  it('timeline lines name the supervisor who moved or joined', async () => {
    const t = await setup();
    expect(systemEventText(t, reassigned, names(t))).toBe(
      'Carla Mendes (supervisão) reatribuiu de Ana Souza para Diego Alves (Vendas)',
    );
    expect(systemEventText(t, { type: 'participant-joined', agentId: 'carla' }, names(t))).toBe(
      'Carla Mendes (supervisão) entrou no atendimento',
    );
    const fromBot: SystemEvent = {
      type: 'transferred',
      fromAgentId: 'carla',
      toAgentId: null,
      toTeamId: 'vendas',
      note: null,
      byAgentId: 'carla',
    };
    expect(systemEventText(t, fromBot, names(t))).toBe(
      'Carla Mendes (supervisão) transferiu para Vendas',
    );
  });
});
