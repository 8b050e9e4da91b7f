import { describe, expect, it } from 'vitest';
import type { Actor } from '../schemas/agent';
import { canRemoveParticipant } from './participants';

const actor = (id: string, role: Actor['role'] = 'agent'): Actor => ({
  id,
  role,
  teamIds: ['team-suporte'],
  permissions: [],
});

const conv = {
  state: 'active' as const,
  teamId: 'team-suporte',
  ownerId: 'ana',
  participantIds: ['bruno', 'diego'],
};

describe('canRemoveParticipant', () => {
  it.each([
    ['the owner removes a participant', actor('ana'), 'bruno', { ok: true }],
    ['a supervisor removes a participant', actor('carla', 'supervisor'), 'diego', { ok: true }],
    ['a participant leaves', actor('bruno'), 'bruno', { ok: true }],
    ['a participant removes another', actor('bruno'), 'diego', { ok: false, reason: 'not-owner' }],
    ['someone not invited', actor('ana'), 'eva', { ok: false, reason: 'not-participant' }],
    ['the owner cannot "leave"', actor('ana'), 'ana', { ok: false, reason: 'not-participant' }],
  ])('%s', (_label, who, agentId, decision) => {
    expect(canRemoveParticipant(who, conv, agentId)).toMatchObject(decision);
  });
});
