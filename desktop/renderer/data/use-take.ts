import { useState } from 'react';
import { describeApiError, type ApiFailure } from '../api/api-error';
import { useWorkspace } from './workspace-context';

export type TakeOutcome = { ok: true } | { ok: false; failure: ApiFailure };

/**
 * Taking a queued conversation is never optimistic: two agents may click at once and only the
 * server knows who won. The winner's list updates through replication.
 */
export function useTake() {
  const { api } = useWorkspace();
  const [takingId, setTakingId] = useState<string | null>(null);
  const take = async (conversationId: string): Promise<TakeOutcome> => {
    setTakingId(conversationId);
    try {
      await api.conversation.take.mutate({ conversationId });
      return { ok: true };
    } catch (error) {
      return { ok: false, failure: describeApiError(error) };
    } finally {
      setTakingId(null);
    }
  };
  return { take, takingId };
}
