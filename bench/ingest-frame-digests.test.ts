import { describe, expect, it } from 'vitest';
import { FrameDigests, type FrameContents } from './ingest-frame-digests';

const contents: FrameContents = { messages: [3, 4], resyncs: [] };

describe('FrameDigests', () => {
  it.each([
    ['decoded before the scanner has it', true],
    ['decoded after the scanner had it', false],
  ])('joins a scanner’s arrival with a frame %s, at the scanner’s own time', (_name, first) => {
    const digests = new FrameDigests();
    const joined: [number[], number][] = [];
    const arrive = (): void => {
      digests.received('d', 1234, (found, at) => joined.push([found.messages, at]));
    };
    if (first) digests.validated('d', contents);
    arrive();
    expect(digests.unverifiable()).toBe(first ? 0 : 1);
    if (!first) digests.validated('d', contents);
    expect(joined).toEqual([[[3, 4], 1234]]);
    expect(digests.unverifiable()).toBe(0);
  });

  it('counts arrivals no validating agent decoded as not verifiable, and joins each once', () => {
    const digests = new FrameDigests();
    let joins = 0;
    const count = (): void => {
      joins += 1;
    };
    digests.received('a', 1, count);
    digests.received('b', 2, count);
    digests.received('b', 3, count);
    digests.validated('a', contents);
    digests.validated('a', contents);
    expect([joins, digests.unverifiable()]).toEqual([1, 2]);
  });
});
