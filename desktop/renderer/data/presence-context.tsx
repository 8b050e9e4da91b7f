import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Presence } from '@atendo/shared/schemas/agent';

type PresenceState = { presence: Presence; setPresence: (presence: Presence) => void };

const PresenceContext = createContext<PresenceState | null>(null);

/** The agent's presence as last confirmed by the server; notifications respect it. */
export function PresenceProvider(props: { initial: Presence; children: ReactNode }) {
  const [presence, setPresence] = useState<Presence>(props.initial);
  const value = useMemo(() => ({ presence, setPresence }), [presence]);
  return <PresenceContext.Provider value={value}>{props.children}</PresenceContext.Provider>;
}

export function usePresence(): PresenceState {
  const value = useContext(PresenceContext);
  if (value === null) throw new Error('usePresence outside PresenceProvider');
  return value;
}
