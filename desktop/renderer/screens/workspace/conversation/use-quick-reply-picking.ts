import { useId, useState, type KeyboardEvent } from 'react';
import type { DeepReadonly } from 'rxdb';
import {
  matchQuickReplies,
  quickReplyQuery,
  renderQuickReply,
} from '@atendo/shared/rules/quick-reply';
import type { QuickReply } from '@atendo/shared/schemas/quick-reply';
import { useQuickReplies } from '../../../data/use-quick-replies';
import { quickReplyOptionId } from './quick-reply-menu';

export type QuickReplyContext = {
  teamId: string | null;
  contactName: string;
  agentName: string;
  teamName: string;
};

/**
 * The `/` list's state for a composer: what is typed picks the query (shared rule), the
 * keyboard moves and picks, Esc closes it until the draft changes.
 */
export function useQuickReplyPicking(
  draft: string,
  setDraft: (text: string) => void,
  context: QuickReplyContext,
) {
  const menuId = useId();
  const replies = useQuickReplies(context.teamId);
  const [active, setActive] = useState({ query: '', index: 0 });
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const query = quickReplyQuery(draft);
  const open = query !== null && dismissedAt !== draft;
  const matches = open ? matchQuickReplies(replies, query) : [];
  const activeIndex = active.query === query ? Math.min(active.index, matches.length - 1) : 0;

  const preview = (reply: DeepReadonly<QuickReply>) =>
    renderQuickReply(reply.text, {
      contactName: context.contactName,
      agentName: context.agentName,
      teamName: context.teamName,
    });
  const pick = (reply: DeepReadonly<QuickReply>) => {
    setDraft(preview(reply));
  };

  /** True when the key was the list's: the composer must not act on it too. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    const move = (by: number) => {
      if (matches.length === 0) return;
      const index = (activeIndex + by + matches.length) % matches.length;
      setActive({ query: query, index });
    };
    switch (event.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'Escape':
        setDismissedAt(draft);
        break;
      case 'Enter':
      case 'Tab': {
        const chosen = matches[activeIndex];
        if (chosen === undefined || event.shiftKey) return false;
        pick(chosen);
        break;
      }
      default:
        return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  const activeOption =
    open && matches.length > 0 ? quickReplyOptionId(menuId, activeIndex) : undefined;
  return {
    open,
    query: query ?? '',
    matches,
    activeIndex,
    menuId,
    activeOption,
    preview,
    pick,
    onKeyDown,
  };
}
