import { describe, expect, it } from 'vitest';
import { parsePullResult, parseStreamFrame } from './sync-wire';

const checkpoint = { seq: 7, epoch: 'e1' };
const conversation = {
  id: 'c1',
  contactId: 'contact-1',
  channelId: 'channel-webchat',
  teamId: 'team-vendas',
  ownerId: 'agent-diego',
  participantIds: [],
  tagIds: [],
  dispositionId: null,
  state: 'active',
  lastInboundAt: null,
  lastMessageAt: null,
  lastMessagePreview: null,
  createdAt: 1,
  queuedAt: null,
  closedAt: null,
  csatDeadline: null,
  botDeadline: null,
  updatedAt: 2,
};

describe('the sync wire', () => {
  it('accepts a removal that carries the id alone, in a pull and on the stream', () => {
    const pulled = parsePullResult('conversations', {
      documents: [{ id: 'c1', _deleted: true }],
      checkpoint,
      reset: false,
    });
    expect(pulled.documents).toEqual([{ id: 'c1', _deleted: true }]);
    const frame = JSON.stringify([
      {
        type: 'changes',
        collection: 'messages',
        documents: [{ id: 'm1', _deleted: true }],
        checkpoint,
      },
    ]);
    expect(parseStreamFrame(frame)).toEqual([
      {
        type: 'changes',
        collection: 'messages',
        documents: [{ id: 'm1', _deleted: true }],
        checkpoint,
      },
    ]);
  });

  it('keeps only the id of an older server’s whole removal', () => {
    const pulled = parsePullResult('conversations', {
      documents: [{ ...conversation, _deleted: true }],
      checkpoint,
      reset: false,
    });
    expect(pulled.documents).toEqual([{ id: 'c1', _deleted: true }]);
  });

  it('still needs a whole document for a live one', () => {
    expect(
      parsePullResult('conversations', {
        documents: [{ ...conversation, _deleted: false }],
        checkpoint,
        reset: false,
      }).documents,
    ).toEqual([{ ...conversation, _deleted: false }]);
    expect(() =>
      parsePullResult('conversations', {
        documents: [{ id: 'c1', _deleted: false }],
        checkpoint,
        reset: false,
      }),
    ).toThrow();
  });
});
