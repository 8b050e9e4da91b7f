import { describe, expect, it } from 'vitest';
import * as shared from './index';

// The barrel must expose one entry of each area, so a missing re-export fails here, not in a
// consumer's build.
describe('@atendo/shared barrel', () => {
  it.each([
    'AtendoError',
    'normalisePhone',
    'Conversation',
    'Template',
    'allow',
    'nextState',
    'canStartConversation',
    'canSendFreeMessage',
    'checkAttachment',
    'canTake',
    'closeDecision',
    'renderTemplate',
    'botReply',
    'nextDeliveryStatus',
    'parseCsatAnswer',
    'conversationAudience',
    'SYNC_COLLECTIONS',
  ])('exports %s', (name) => {
    expect(shared).toHaveProperty(name);
  });
});
