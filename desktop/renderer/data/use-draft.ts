import { useEffect, useRef, useState } from 'react';
import { firstValueFrom } from 'rxjs';
import { useWorkspace } from './workspace-context';

const SAVE_DELAY_MS = 400;

/**
 * The composer's text, kept per conversation in the local drafts collection: switching
 * conversations, reloading or going offline never loses what the agent typed.
 */
export function useDraft(conversationId: string) {
  const { store } = useWorkspace();
  const [text, setText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ conversationId, text });

  useEffect(() => {
    let cancelled = false;
    setText('');
    latest.current = { conversationId, text: '' };
    void firstValueFrom(store.draft$(conversationId)).then((saved) => {
      if (cancelled) return;
      latest.current = { conversationId, text: saved };
      setText(saved);
    });
    // A draft written by someone else than this composer (a failed message taken back to be
    // edited) shows up at once; the composer's own saves come back equal and change nothing.
    const external = store.draft$(conversationId).subscribe((saved) => {
      if (cancelled || timer.current !== null || saved === latest.current.text) return;
      if (saved === '') return;
      latest.current = { conversationId, text: saved };
      setText(saved);
    });
    return () => {
      cancelled = true;
      external.unsubscribe();
      // Flush a pending save when leaving the conversation.
      if (timer.current !== null) {
        clearTimeout(timer.current);
        void store.saveDraft(latest.current.conversationId, latest.current.text);
      }
      timer.current = null;
    };
  }, [store, conversationId]);

  const change = (next: string) => {
    setText(next);
    latest.current = { conversationId, text: next };
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void store.saveDraft(conversationId, next);
    }, SAVE_DELAY_MS);
  };

  const reset = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    latest.current = { conversationId, text: '' };
    setText('');
  };

  return { text, change, reset };
}
