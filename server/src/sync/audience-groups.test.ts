import { describe, expect, it } from 'vitest';
import { audienceGroups } from './audience-groups';
import type { AudienceHit } from './feed-reads';
import { syncScope } from './scope';

const agent = (id: string, teamIds: string[], role: 'agent' | 'supervisor' = 'agent') => ({
  id,
  scope: syncScope({ id, role, teamIds, permissions: [] }, 'db1'),
});

const ana = agent('ana', ['suporte']);
const eva = agent('eva', ['suporte']);
const diego = agent('diego', ['vendas']);
const bruno = agent('bruno', ['suporte', 'vendas']);
const carla = agent('carla', ['suporte', 'vendas'], 'supervisor');

const hit = (key: string): AudienceHit => ({
  seq: 1,
  collection: 'message',
  docId: 'm1',
  key,
  granted: true,
});

const ids = (keys: string[]) =>
  audienceGroups([ana, eva, diego, bruno, carla], keys.map(hit)).map((group) =>
    group.members.map((member) => member.id),
  );

describe('audienceGroups', () => {
  it.each([
    ['a Suporte queue change', ['queue:suporte'], [['ana', 'eva'], ['bruno'], ['carla']]],
    ['a change Ana owns', ['agent:ana', 'monitor'], [['ana'], ['carla']]],
    ['a change every agent sees', ['all'], [['ana', 'eva'], ['diego'], ['bruno'], ['carla']]],
    ['a key nobody holds', ['agent:someone-else'], []],
  ])('%s', (_, keys, groups) => {
    expect(ids(keys)).toEqual(groups);
  });

  it('keeps only the keys that occur, sorted into one signature', () => {
    const [group] = audienceGroups([ana], [hit('team:suporte'), hit('all'), hit('queue:vendas')]);
    expect([...(group?.keys ?? [])]).toEqual(['all', 'team:suporte']);
    expect(group?.epoch).toBe(ana.scope.epoch);
  });
});
