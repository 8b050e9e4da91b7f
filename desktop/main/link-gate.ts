/**
 * Links that arrive before the workspace can act on them wait here. A `tel:` link that starts
 * Atendo arrives long before the agent has signed in and the workspace listens for it; sending
 * it then would lose it. The gate opens when the renderer reports a signed-in agent, and closes
 * again on sign-out. Only the newest few wait: an old flood of links is not worth replaying.
 */
export type LinkGate = {
  /** Returns the links to handle now: this one if the gate is open, none otherwise. */
  offer: (link: string) => string[];
  /** Opens or closes the gate; opening returns the links that waited, oldest first. */
  setOpen: (open: boolean) => string[];
};

export function createLinkGate(maxWaiting = 5): LinkGate {
  let open = false;
  let waiting: string[] = [];
  return {
    offer(link) {
      if (open) return [link];
      waiting = [...waiting, link].slice(-maxWaiting);
      return [];
    },
    setOpen(next) {
      const opening = next && !open;
      open = next;
      if (!opening) return [];
      const released = waiting;
      waiting = [];
      return released;
    },
  };
}
