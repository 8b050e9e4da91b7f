import { describe, expect, it } from 'vitest';
import { canReachOnChannel, startTeam } from './start-reach';

const contact = (over: Partial<{ phones: string[]; emails: string[]; visitor: boolean }> = {}) => ({
  phones: over.phones ?? [],
  emails: over.emails ?? [],
  addresses: over.visitor === true ? [{ channelId: 'channel-webchat', address: 'visitor-1' }] : [],
});
const whatsapp = { id: 'channel-whatsapp', kind: 'whatsapp', direction: 'both' } as const;
const webchat = { id: 'channel-webchat', kind: 'webchat', direction: 'both' } as const;

describe('canReachOnChannel', () => {
  it.each([
    ['WhatsApp with a phone', contact({ phones: ['+5511987650001'] }), whatsapp, null],
    ['WhatsApp without a phone', contact(), whatsapp, 'phone'],
    ['web chat for a visitor', contact({ visitor: true }), webchat, null],
    [
      'web chat for a contact who never used it',
      contact({ phones: ['+5511987650001'] }),
      webchat,
      'webchat-visitor',
    ],
  ])('%s', (_name, who, channel, missing) => {
    const decision = canReachOnChannel({ contact: who, channel });
    if (missing === null) expect(decision.ok).toBe(true);
    else
      expect(decision).toEqual({
        ok: false,
        reason: 'contact-unreachable',
        details: { channelKind: channel.kind, missing },
      });
  });

  it('reaches on WhatsApp a contact whose wa_id is known from another WhatsApp number', () => {
    const who = {
      phones: [],
      emails: [],
      addresses: [{ channelId: 'channel-receptivo', address: '5511' }],
    };
    const kindOf = (id: string) => (id === 'channel-receptivo' ? 'whatsapp' : null);
    expect(canReachOnChannel({ contact: who, channel: whatsapp, kindOf }).ok).toBe(true);
    expect(canReachOnChannel({ contact: who, channel: whatsapp }).ok).toBe(false);
  });

  it('names the receptivo and the archived channel before the address', () => {
    const who = contact({ phones: ['+5511987650001'] });
    expect(
      canReachOnChannel({ contact: who, channel: { ...whatsapp, direction: 'inbound-only' } }),
    ).toMatchObject({ ok: false, reason: 'inbound-only-channel' });
    expect(
      canReachOnChannel({ contact: who, channel: { ...whatsapp, archived: true } }),
    ).toMatchObject({ ok: false, reason: 'channel-archived' });
  });
});

describe('startTeam', () => {
  const actor = { teamIds: ['team-suporte', 'team-vendas'] };
  it.each([
    [null, { defaultTeamId: 'team-vendas' }, { ok: true, teamId: 'team-vendas' }],
    [null, { defaultTeamId: 'team-outro' }, { ok: true, teamId: 'team-suporte' }],
    ['team-vendas', { defaultTeamId: 'team-suporte' }, { ok: true, teamId: 'team-vendas' }],
    ['team-outro', { defaultTeamId: 'team-suporte' }, { ok: false, reason: 'not-team-member' }],
  ])('asked for %s', (requestedTeamId, channel, expected) => {
    expect(startTeam({ actor, channel, requestedTeamId })).toMatchObject(expected);
  });
});
