import { describe, expect, it } from 'vitest';
import { AgentContext, DialRequest, EVENT_CONTRACT, isEventChannel } from './contract';

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
