import { describe, expect, it } from 'vitest';
import { arrivals, type ArrivalRow } from './arrivals';

const ready = (id: string): ArrivalRow => ({ id, ready: true });
const waiting = (id: string): ArrivalRow => ({ id, ready: false });

describe('arrivals', () => {
  it.each([
    ['nothing on the first list, ready or not', null, [ready('a'), waiting('b')], []],
    ['new ids only', new Set(['a']), [ready('a'), ready('b'), ready('c')], ['b', 'c']],
    ['nothing when an id leaves', new Set(['a', 'b']), [ready('a')], []],
    ['not while its contact is missing', new Set(['a']), [ready('a'), waiting('b')], []],
    ['a seen row whose contact goes missing is not new later', new Set(['a']), [waiting('a')], []],
  ] as const)('%s', (_name, previous, rows, expected) => {
    expect(arrivals(previous, rows).fresh).toEqual(expected);
  });

  it('announces a row once its contact arrives, and only once', () => {
    const first = arrivals(new Set(['a']), [ready('a'), waiting('b')]);
    const second = arrivals(first.seen, [ready('a'), ready('b')]);
    expect(second.fresh).toEqual(['b']);
    expect(arrivals(second.seen, [ready('a'), ready('b')]).fresh).toEqual([]);
  });

  it('does not announce what was on screen at start once its contact arrives', () => {
    const start = arrivals(null, [waiting('a')]);
    expect(arrivals(start.seen, [ready('a')]).fresh).toEqual([]);
  });
});
