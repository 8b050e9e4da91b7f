import { describe, expect, it } from 'vitest';
import { WINDOW_MS } from '@atendo/shared/rules/messaging-window';
import {
  csatQuestionDelivery,
  decideAfterInbound,
  type AfterInboundFacts,
  type FlowEffect,
} from './decide-flow';

const QUESTION = 'De 1 a 5, como foi o atendimento?';
const ASK: FlowEffect = { type: 'ask-csat', body: QUESTION };

const facts = (overrides: Partial<AfterInboundFacts>): AfterInboundFacts => ({
  state: 'awaiting_csat',
  kind: 'text',
  isCsatAnswer: false,
  csatQuestionsSent: 1,
  csatQuestion: QUESTION,
  ...overrides,
});

describe('decideAfterInbound', () => {
  it.each<[string, Partial<AfterInboundFacts>, FlowEffect[]]>([
    ['an unparseable answer gets the question again', {}, [ASK]],
    ['a file instead of an answer gets the question again', { kind: 'media' }, [ASK]],
    ['after one re-ask, further chatter is left alone', { csatQuestionsSent: 2 }, []],
    ['a recorded answer (now closed) needs nothing', { state: 'closed', isCsatAnswer: true }, []],
    ['a late answer is not met with the question again', { isCsatAnswer: true }, []],
    ['a conversation in the bot is the pipeline’s business', { state: 'bot' }, []],
    ['a queued conversation has no dialogue', { state: 'queued' }, []],
    ['an active conversation has no dialogue', { state: 'active' }, []],
  ])('%s', (_label, overrides, expected) => {
    expect(decideAfterInbound(facts(overrides))).toEqual(expected);
  });
});

describe('csatQuestionDelivery', () => {
  const now = 10 * WINDOW_MS;
  it.each<
    [string, Parameters<typeof csatQuestionDelivery>[0]['channelKind'], number | null, FlowEffect]
  >([
    ['web chat always takes text', 'webchat', null, ASK],
    ['WhatsApp inside the window takes text', 'whatsapp', now - 60_000, ASK],
    [
      'WhatsApp after the window needs a template',
      'whatsapp',
      now - WINDOW_MS,
      { type: 'ask-csat-template' },
    ],
    ['WhatsApp with no inbound needs a template', 'whatsapp', null, { type: 'ask-csat-template' }],
  ])('%s', (_label, channelKind, lastInboundAt, expected) => {
    expect(
      csatQuestionDelivery({ channelKind, lastInboundAt, now, csatQuestion: QUESTION }),
    ).toEqual(expected);
  });
});
