import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor } from './shortcuts';

const key = (code: string, mods: { alt?: boolean; ctrl?: boolean } = {}) => ({
  code,
  altKey: mods.alt ?? false,
  ctrlKey: mods.ctrl ?? false,
  metaKey: false,
});

describe('shortcutFor', () => {
  it.each([
    [key('KeyN', { alt: true }), 'nextQueued'],
    [key('KeyM', { alt: true }), 'template'],
    [key('KeyT', { alt: true }), 'transfer'],
    [key('KeyF', { alt: true }), 'close'],
    [key('F1'), 'help'],
    [key('KeyN'), null],
    [key('KeyN', { alt: true, ctrl: true }), null],
  ] as const)('%j → %s', (event, action) => {
    expect(shortcutFor(event)).toBe(action);
  });

  it('never binds two actions to the same keys', () => {
    const combos = SHORTCUTS.map((s) => `${s.alt ? 'alt+' : ''}${s.code}`);
    expect(new Set(combos).size).toBe(combos.length);
  });
});
