export type ArrivalRow = {
  id: string;
  /** False while the row cannot be announced properly yet (its contact has not synced). */
  ready: boolean;
};

export type Arrivals = {
  /** Ids to announce now. */
  fresh: string[];
  /** What the next call compares against. */
  seen: ReadonlySet<string>;
};

/**
 * Which rows appeared since the previous list. The first list after start is not "new": an
 * agent opening the app is not notified about the whole queue at once. A conversation can sync
 * a moment before its contact; it is announced once the contact is there, so the notification
 * names them instead of saying "Contato".
 */
export function arrivals(
  previous: ReadonlySet<string> | null,
  rows: readonly ArrivalRow[],
): Arrivals {
  if (previous === null) return { fresh: [], seen: new Set(rows.map((r) => r.id)) };
  const fresh = rows.filter((r) => r.ready && !previous.has(r.id)).map((r) => r.id);
  const seen = new Set(rows.filter((r) => r.ready || previous.has(r.id)).map((r) => r.id));
  return { fresh, seen };
}
