import { describe, expect, it } from 'vitest';
import { restoreWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('restoreWindowState', () => {
  it('restores bounds that are on a connected display', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 900, maximized: true };
    expect(restoreWindowState(saved, [laptop, monitor])).toEqual(saved);
  });

  it('centres on the primary display when the saved monitor is gone', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 900, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toEqual({
      x: 80,
      y: 50,
      width: 1280,
      height: 800,
      maximized: false,
    });
  });

  it.each([
    [null],
    ['garbage'],
    [{ x: 1 }],
    [{ x: 0, y: 0, width: -5, height: 10, maximized: false }],
  ])('ignores damaged state %j', (saved) => {
    expect(restoreWindowState(saved, [laptop])).toMatchObject({ width: 1280, height: 800 });
  });

  it('never restores a window smaller than the minimum size', () => {
    const saved = { x: 10, y: 10, width: 100, height: 100, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toMatchObject({ width: 800, height: 560 });
  });
});
