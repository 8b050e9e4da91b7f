import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-5_000, '0 s'],
    [45_000, '45 s'],
    [60_000, '1 min'],
    [12 * 60_000 + 59_000, '12 min'],
    [3 * 3_600_000 + 5 * 60_000, '3 h 05 min'],
    [50 * 3_600_000, '2 d'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
