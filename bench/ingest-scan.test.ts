import { describe, expect, it } from 'vitest';
import { scanBenchMessages, scanResyncs } from './ingest-scan';

const frameOf = (events: unknown[]): Buffer => Buffer.from(JSON.stringify(events));
const message = (body: string) => ({ id: 'm1', conversationId: 'c1', body, _deleted: false });
const changes = (documents: unknown[]) => ({
  type: 'changes',
  collection: 'messages',
  documents,
  checkpoint: { seq: 1, epoch: 'e' },
});

const scanned = (frame: Buffer): number[] => {
  const found: number[] = [];
  scanBenchMessages(frame, (n) => found.push(n));
  return found;
};

describe('scanBenchMessages', () => {
  it.each([
    ['one message', [changes([message('bench 42')])], [42]],
    ['several in one frame', [changes([message('bench 1'), message('bench 20')])], [1, 20]],
    ['across events', [changes([message('bench 7')]), changes([message('bench 0')])], [7, 0]],
    ['someone else’s text', [changes([message('bench 42 and more'), message('hello')])], []],
    ['no digits', [changes([message('bench ')])], []],
    ['a conversation preview', [{ lastMessagePreview: 'bench 3' }], []],
    ['a heartbeat', [], []],
  ])('%s', (_name, events, expected) => {
    expect(scanned(frameOf(events))).toEqual(expected);
  });
});

describe('scanResyncs', () => {
  it.each([
    ['connected', [{ type: 'resync', reason: 'connected' }], ['connected']],
    [
      'lagging after changes',
      [changes([message('bench 1')]), { type: 'resync', reason: 'lagging' }],
      ['lagging'],
    ],
    ['none', [changes([message('bench 1')])], []],
  ])('%s', (_name, events, expected) => {
    expect(scanResyncs(frameOf(events))).toEqual(expected);
  });
});
