import { describe, expect, it } from 'vitest';
import {
  AgentContext,
  DialRequest,
  EVENT_CONTRACT,
  INVOKE_CHANNELS,
  INVOKE_CONTRACT,
  isEventChannel,
} from './contract';

describe('event:dial-request', () => {
  it('is a contract event, so the preload lets the renderer listen to it', () => {
    expect(isEventChannel('event:dial-request')).toBe(true);
    expect(EVENT_CONTRACT['event:dial-request']).toBe(DialRequest);
  });

  it.each([
    [{ number: '+5511987654321', scheme: 'tel' }, true],
    [{ number: '+5511987654321', scheme: 'callto' }, true],
    [{ number: '11987654321', scheme: 'tel' }, false],
    [{ number: '+5511987654321', scheme: 'sip' }, false],
    [{ number: '+5511987654321;calc', scheme: 'tel' }, false],
  ])('%j → valid %s', (payload, valid) => {
    expect(DialRequest.safeParse(payload).success).toBe(valid);
  });
});

describe('AgentContext.locale', () => {
  const base = { agentId: 'a1', teamIds: [], presence: 'available', openConversationId: null };
  it.each([
    [base, true],
    [{ ...base, locale: 'en' }, true],
    [{ ...base, locale: 'pt-BR' }, true],
    [{ ...base, locale: 'fr' }, false],
  ])('%j → valid %s', (context, valid) => {
    expect(AgentContext.safeParse(context).success).toBe(valid);
  });
});

describe('session channels', () => {
  const session = {
    serverUrl: 'https://atendo.example.com',
    token: 'abc',
    agent: {
      id: 'agent-ana',
      name: 'Ana',
      email: 'ana@example.com',
      role: 'agent',
      teamIds: [],
      permissions: [],
    },
  };
  const save = INVOKE_CONTRACT['session:save'].request;

  it('are contract channels, so main validates what the renderer stores', () => {
    expect(INVOKE_CHANNELS).toEqual(
      expect.arrayContaining(['session:load', 'session:save', 'session:clear']),
    );
  });

  it.each([
    ['a session', session, true],
    ['a session with its expiry', { ...session, expiresAt: 1_900_000_000_000 }, true],
    ['no token', { ...session, token: '' }, false],
    ['an oversized token', { ...session, token: 'x'.repeat(513) }, false],
    ['a file: server', { ...session, serverUrl: 'file:///etc/passwd' }, false],
    ['a javascript: server', { ...session, serverUrl: 'javascript:alert(1)' }, false],
    ['an unknown role', { ...session, agent: { ...session.agent, role: 'root' } }, false],
    ['nothing', undefined, false],
  ])('session:save accepts %s: %s', (_name, request, valid) => {
    expect(save.safeParse(request).success).toBe(valid);
  });

  it('session:load and session:clear take no argument', () => {
    expect(INVOKE_CONTRACT['session:load'].request.safeParse({ any: 1 }).success).toBe(false);
    expect(INVOKE_CONTRACT['session:clear'].request.safeParse(undefined).success).toBe(true);
  });
});
