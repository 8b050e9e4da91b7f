import type { AudienceHit } from './feed-reads';
import type { SyncScope } from './scope';

/** Subscribers who receive exactly the same events in one round, so one frame serves them all. */
export type AudienceGroup<T> = {
  epoch: string;
  /** The members' keys that occur in the round's hits; routing needs no others. */
  keys: ReadonlySet<string>;
  members: T[];
};

/**
 * Groups a round's subscribers by what decides their events: the epoch (it is in every
 * checkpoint) and which of their keys the round's hits carry. Two agents of one team differ
 * only in their `agent:<id>` key, so while no hit names either of them they share a group,
 * and the round routes and serialises once for the team instead of once per agent. A
 * subscriber none of whose keys occurs gets nothing and belongs to no group.
 */
export function audienceGroups<T extends { scope: SyncScope }>(
  subscribers: readonly T[],
  hits: readonly AudienceHit[],
): AudienceGroup<T>[] {
  const present = new Set<string>();
  for (const hit of hits) present.add(hit.key);
  const groups = new Map<string, AudienceGroup<T>>();
  for (const subscriber of subscribers) {
    const keys: string[] = [];
    for (const key of subscriber.scope.keys) if (present.has(key)) keys.push(key);
    if (keys.length === 0) continue;
    keys.sort();
    // Keys and epochs never contain a newline, so the joined form names the set uniquely.
    const signature = `${subscriber.scope.epoch}\n${keys.join('\n')}`;
    const group = groups.get(signature);
    if (group === undefined) {
      groups.set(signature, {
        epoch: subscriber.scope.epoch,
        keys: new Set(keys),
        members: [subscriber],
      });
    } else group.members.push(subscriber);
  }
  return [...groups.values()];
}
