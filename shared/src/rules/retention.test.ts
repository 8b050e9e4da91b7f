import { describe, expect, it } from 'vitest';
import {
  conversationExpired,
  daysBefore,
  fileExpired,
  monthsBefore,
  RETENTION_OFF,
  retentionCutoffs,
  RetentionSettings,
} from './retention';

const at = (iso: string): number => Date.parse(iso);

describe('monthsBefore', () => {
  it.each([
    ['2026-05-15T10:30:00.000Z', 1, '2026-04-15T10:30:00.000Z'],
    ['2026-05-15T10:30:00.000Z', 12, '2025-05-15T10:30:00.000Z'],
    ['2026-01-10T00:00:00.000Z', 1, '2025-12-10T00:00:00.000Z'],
    ['2026-01-10T00:00:00.000Z', 25, '2023-12-10T00:00:00.000Z'],
    // Day clamped to the end of a shorter month.
    ['2026-03-31T08:00:00.000Z', 1, '2026-02-28T08:00:00.000Z'],
    ['2024-03-31T08:00:00.000Z', 1, '2024-02-29T08:00:00.000Z'],
    ['2026-07-31T23:59:59.999Z', 3, '2026-04-30T23:59:59.999Z'],
    ['2026-03-01T00:00:00.000Z', 0, '2026-03-01T00:00:00.000Z'],
  ])('%s minus %i months is %s', (now, months, expected) => {
    expect(new Date(monthsBefore(at(now), months)).toISOString()).toBe(expected);
  });
});

describe('daysBefore', () => {
  it.each([
    ['2026-03-10T12:00:00.000Z', 1, '2026-03-09T12:00:00.000Z'],
    ['2026-03-10T12:00:00.000Z', 30, '2026-02-08T12:00:00.000Z'],
    ['2026-01-01T00:00:00.000Z', 365, '2025-01-01T00:00:00.000Z'],
  ])('%s minus %i days is %s', (now, days, expected) => {
    expect(new Date(daysBefore(at(now), days)).toISOString()).toBe(expected);
  });
});

describe('retentionCutoffs', () => {
  const now = at('2026-06-30T12:00:00.000Z');

  it('is off by default', () => {
    expect(retentionCutoffs(RETENTION_OFF, now)).toEqual({
      conversationsClosedBefore: null,
      filesCreatedBefore: null,
    });
  });

  it('counts months for conversations and days for files', () => {
    expect(retentionCutoffs({ conversationMonths: 6, fileDays: 30 }, now)).toEqual({
      conversationsClosedBefore: at('2025-12-30T12:00:00.000Z'),
      filesCreatedBefore: at('2026-05-31T12:00:00.000Z'),
    });
  });

  it.each([
    [{ conversationMonths: 0, fileDays: null }],
    [{ conversationMonths: 121, fileDays: null }],
    [{ conversationMonths: null, fileDays: 0 }],
    [{ conversationMonths: 1.5, fileDays: null }],
  ])('refuses %o', (settings) => {
    expect(RetentionSettings.safeParse(settings).success).toBe(false);
  });
});

describe('what is past its retention', () => {
  const cutoffs = {
    conversationsClosedBefore: at('2026-01-01T00:00:00.000Z'),
    filesCreatedBefore: at('2026-03-01T00:00:00.000Z'),
  };
  const off = { conversationsClosedBefore: null, filesCreatedBefore: null };

  it.each([
    [
      'closed before the cut-off',
      { state: 'closed', closedAt: at('2025-12-31T23:59:59.999Z') },
      true,
    ],
    ['closed at the cut-off', { state: 'closed', closedAt: at('2026-01-01T00:00:00.000Z') }, false],
    ['closed after it', { state: 'closed', closedAt: at('2026-02-01T00:00:00.000Z') }, false],
    ['open, however old', { state: 'active', closedAt: null }, false],
    ['closed without a close time', { state: 'closed', closedAt: null }, false],
  ])('a conversation %s: %s', (_label, conversation, expected) => {
    expect(conversationExpired(conversation, cutoffs)).toBe(expected);
    expect(conversationExpired(conversation, off)).toBe(false);
  });

  it.each([
    ['old, conversation closed', at('2026-02-28T00:00:00.000Z'), 'closed', true],
    ['old, conversation live', at('2026-02-28T00:00:00.000Z'), 'active', false],
    ['recent, conversation closed', at('2026-03-01T00:00:00.000Z'), 'closed', false],
  ])('a file %s: %s', (_label, createdAt, state, expected) => {
    expect(fileExpired({ createdAt }, { state }, cutoffs)).toBe(expected);
    expect(fileExpired({ createdAt }, { state }, off)).toBe(false);
  });
});
