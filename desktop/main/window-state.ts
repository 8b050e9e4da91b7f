import { z } from 'zod';

export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export type Rect = { x: number; y: number; width: number; height: number };

export const MIN_SIZE = { width: 800, height: 560 } as const;
const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
/** How much of the title bar must be on a screen for the agent to grab the window. */
const MIN_VISIBLE = 64;

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { w: Math.max(0, w), h: Math.max(0, h) };
}

function centred(area: Rect): WindowState {
  const width = Math.min(DEFAULT_SIZE.width, area.width);
  const height = Math.min(DEFAULT_SIZE.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
    maximized: false,
  };
}

/**
 * Restores the saved bounds when they still land on a connected display (a laptop undocked
 * from its second monitor must not open off-screen); otherwise centres on the primary display.
 * Unknown or damaged saved state counts as none.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const parsed = WindowState.safeParse(saved);
  if (!parsed.success) return centred(primary);
  const state = {
    ...parsed.data,
    width: Math.max(MIN_SIZE.width, parsed.data.width),
    height: Math.max(MIN_SIZE.height, parsed.data.height),
  };
  const titleBar: Rect = { x: state.x, y: state.y, width: state.width, height: 32 };
  const visible = workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return o.w >= MIN_VISIBLE && o.h > 0;
  });
  return visible ? state : { ...centred(primary), maximized: state.maximized };
}
