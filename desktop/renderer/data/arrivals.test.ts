import { describe, expect, it } from 'vitest';
import { arrivals } from './arrivals';

describe('arrivals', () => {
  it.each([
    ['nothing on the first list', null, ['a', 'b'], []],
    ['new ids only', new Set(['a']), ['a', 'b', 'c'], ['b', 'c']],
    ['nothing when an id leaves', new Set(['a', 'b']), ['a'], []],
  ] as const)('%s', (_name, previous, current, expected) => {
    expect(arrivals(previous, current)).toEqual(expected);
  });
});
