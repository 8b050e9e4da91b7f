/**
 * Which ids appeared since the previous list. The first list after start is not "new": an
 * agent opening the app is not notified about the whole queue at once.
 */
export function arrivals(
  previous: ReadonlySet<string> | null,
  current: readonly string[],
): string[] {
  if (previous === null) return [];
  return current.filter((id) => !previous.has(id));
}
