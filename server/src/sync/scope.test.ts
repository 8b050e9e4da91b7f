import { describe, expect, it } from 'vitest';
import type { Actor } from '@atendo/shared/schemas/agent';
import { scopeVersion, syncScope } from './scope';

const ana: Actor = { id: 'agent-ana', role: 'agent', teamIds: ['t1', 't2'], permissions: [] };

describe('scopeVersion', () => {
  it.each<[string, Actor, boolean]>([
    ['teams listed in another order', { ...ana, teamIds: ['t2', 't1'] }, true],
    ['another team', { ...ana, teamIds: ['t1', 't3'] }, false],
    ['one team less', { ...ana, teamIds: ['t1'] }, false],
    ['promoted to supervisor', { ...ana, role: 'supervisor' }, false],
    ['given history-all', { ...ana, permissions: ['history-all'] }, false],
  ])('%s keeps the version: %s', (_, changed, same) => {
    expect(scopeVersion(changed) === scopeVersion(ana)).toBe(same);
  });

  it('names the database and the scope in the epoch, within the protocol limit', () => {
    const scope = syncScope(ana, 'db-1');
    expect(scope.epoch).toBe(`db-1:${scopeVersion(ana)}`);
    expect(scope.epoch.length).toBeLessThanOrEqual(200);
    expect([...scope.keys]).toContain('queue:t2');
  });
});
