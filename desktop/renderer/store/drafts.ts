import { map, type Observable } from 'rxjs';
import type { AtendoDatabase } from './database';

/**
 * Drafts live in their own local collection, keyed by conversation: a conversation document is
 * replaced whenever the server sends a newer version, and a draft kept inside it would be lost.
 */
export function createDrafts(db: AtendoDatabase, now: () => number) {
  async function saveDraft(conversationId: string, text: string): Promise<void> {
    if (text === '') {
      await clearDraft(conversationId);
      return;
    }
    await db.drafts.upsert({ id: conversationId, text, updatedAt: now() });
  }

  async function clearDraft(conversationId: string): Promise<void> {
    const doc = await db.drafts.findOne(conversationId).exec();
    if (doc) await doc.remove();
  }

  const draft$ = (conversationId: string): Observable<string> =>
    db.drafts.findOne(conversationId).$.pipe(map((doc) => doc?.text ?? ''));

  return { saveDraft, clearDraft, draft$ };
}
