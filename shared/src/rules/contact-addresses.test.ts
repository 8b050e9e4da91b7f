import { describe, expect, it } from 'vitest';
import { addedPhones, canCreateWithAddresses, canEditAddresses } from './contact-addresses';

const wa = { channelId: 'channel-whatsapp', address: '5511987650001' };
const chat = { channelId: 'channel-webchat', address: 'visitor-1' };

describe('channel addresses in an agent’s contact edit', () => {
  it('accepts the same addresses, in any order, or none sent', () => {
    expect(canEditAddresses([wa, chat], [chat, wa]).ok).toBe(true);
    expect(canEditAddresses([wa], undefined).ok).toBe(true);
    expect(canEditAddresses([], []).ok).toBe(true);
  });

  it.each([
    ['set on a contact without one', [], [chat]],
    ['moved to another visitor', [chat], [{ ...chat, address: 'visitor-2' }]],
    ['removed', [wa, chat], [wa]],
    ['added beside the proven one', [wa], [wa, chat]],
  ])('refuses an address %s, naming its channel', (_label, current, requested) => {
    const decision = canEditAddresses(current, requested);
    expect(decision).toMatchObject({ ok: false, reason: 'address-proven' });
  });

  it('lets only a supervisor register addresses on a new contact (an integration, a merge)', () => {
    const agent = { id: 'a', role: 'agent' as const, teamIds: ['t'], permissions: [] };
    expect(canCreateWithAddresses(agent, [chat])).toMatchObject({ ok: false });
    expect(canCreateWithAddresses(agent, [])).toMatchObject({ ok: true });
    const supervisor = { ...agent, role: 'supervisor' as const };
    expect(canCreateWithAddresses(supervisor, [chat, wa])).toMatchObject({ ok: true });
  });

  it('lists only the phones the edit adds', () => {
    expect(addedPhones(['+551100000001'], ['+551100000002', '+551100000001'])).toEqual([
      { phone: '+551100000002', index: 0 },
    ]);
  });
});
