import { describe, expect, it } from 'vitest';
import { createLinkGate } from './link-gate';

describe('createLinkGate', () => {
  it('holds links until the gate opens, then releases them oldest first, once', () => {
    const gate = createLinkGate();
    expect(gate.offer('tel:1')).toEqual([]);
    expect(gate.offer('atendo://conversation/c1')).toEqual([]);
    expect(gate.setOpen(true)).toEqual(['tel:1', 'atendo://conversation/c1']);
    expect(gate.setOpen(true)).toEqual([]);
  });

  it('passes links straight through while open', () => {
    const gate = createLinkGate();
    gate.setOpen(true);
    expect(gate.offer('tel:2')).toEqual(['tel:2']);
  });

  it('holds again after sign-out', () => {
    const gate = createLinkGate();
    gate.setOpen(true);
    expect(gate.setOpen(false)).toEqual([]);
    expect(gate.offer('tel:3')).toEqual([]);
    expect(gate.setOpen(true)).toEqual(['tel:3']);
  });

  it('keeps only the newest links', () => {
    const gate = createLinkGate(2);
    for (const link of ['a', 'b', 'c']) gate.offer(link);
    expect(gate.setOpen(true)).toEqual(['b', 'c']);
  });
});
