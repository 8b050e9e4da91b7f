import { useCallback } from 'react';
import { useWorkspace } from './workspace-context';

/**
 * Sending always goes through the outbox: the message is on disk before any network call, shown
 * as "queued" at once, and delivered exactly once when the connection allows.
 */
export function useSend(conversationId: string) {
  const { store } = useWorkspace();
  const sendText = useCallback(
    async (body: string) => {
      await store.queueMessage({ conversationId, kind: 'text', payload: { body } });
    },
    [store, conversationId],
  );
  const sendTemplate = useCallback(
    async (templateId: string, params: Record<string, string>) => {
      await store.queueMessage({
        conversationId,
        kind: 'template',
        payload: { templateId, params },
      });
    },
    [store, conversationId],
  );
  const sendAttachment = useCallback(
    async (attachmentId: string, caption: string | null) => {
      await store.queueMessage({
        conversationId,
        kind: 'attachment',
        payload: { attachmentId, caption },
      });
    },
    [store, conversationId],
  );
  return { sendText, sendTemplate, sendAttachment };
}
