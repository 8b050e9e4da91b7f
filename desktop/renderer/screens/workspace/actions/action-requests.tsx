import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';

/** Actions a keyboard shortcut can ask the open conversation to start. */
export type ActionRequestKind = 'template' | 'transfer' | 'close' | 'send';

type Requests = Record<ActionRequestKind, number>;
type ActionRequestsValue = { counters: Requests; request: (kind: ActionRequestKind) => void };

const ActionRequestsContext = createContext<ActionRequestsValue | null>(null);

/**
 * Shortcuts live at the shell; the dialogs they open live in the conversation. A counter per
 * action connects the two without the shell knowing which conversation is open.
 */
export function ActionRequestsProvider({ children }: { children: ReactNode }) {
  const [counters, setCounters] = useState<Requests>({
    template: 0,
    transfer: 0,
    close: 0,
    send: 0,
  });
  const request = useCallback((kind: ActionRequestKind) => {
    setCounters((c) => ({ ...c, [kind]: c[kind] + 1 }));
  }, []);
  const value = useMemo(() => ({ counters, request }), [counters, request]);
  return <ActionRequestsContext.Provider value={value}>{children}</ActionRequestsContext.Provider>;
}

export function useActionRequests(): ActionRequestsValue {
  const value = useContext(ActionRequestsContext);
  if (value === null) throw new Error('useActionRequests outside ActionRequestsProvider');
  return value;
}

/** Calls `handler` each time the action is requested after the component mounted. */
export function useOnActionRequest(kind: ActionRequestKind, handler: () => void): void {
  const { counters } = useActionRequests();
  const count = counters[kind];
  const seen = useRef(count);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (count === seen.current) return;
    seen.current = count;
    latest.current();
  }, [count]);
}
