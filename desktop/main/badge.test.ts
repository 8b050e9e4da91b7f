import { describe, expect, it } from 'vitest';
import { badgeView } from './badge';
import { MAIN_MESSAGES } from './messages';

describe('badgeView', () => {
  it.each([
    [{ queued: 0, unread: 0 }, 0, '', 'Atendo'],
    [{ queued: 3, unread: 0 }, 3, '3', 'Atendo — 3 em espera'],
    [{ queued: 2, unread: 5 }, 7, '7', 'Atendo — 2 em espera, 5 não lidas'],
    [{ queued: 120, unread: 1 }, 121, '99+', 'Atendo — 120 em espera, 1 não lida'],
  ])('%j → count %i, label %j', (counts, count, label, tooltip) => {
    expect(badgeView(counts)).toEqual({ count, label, tooltip });
  });

  it('writes the tooltip in the chosen language', () => {
    expect(badgeView({ queued: 2, unread: 1 }, MAIN_MESSAGES.en).tooltip).toBe(
      'Atendo — 2 waiting, 1 unread',
    );
  });
});
