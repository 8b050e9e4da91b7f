import { useApiAction } from '../../data/use-api-action';
import { useNotify } from '../../ui/notices';

/**
 * A one-click change from a row's menu (archive, restore, reactivate): a refusal becomes a
 * notice titled with what failed, a success a notice too, then the list is read again.
 */
export function useRowAction(reload: () => void) {
  const action = useApiAction();
  const notify = useNotify();
  return async <T>(call: () => Promise<T>, labels: { success: string; failure: string }) => {
    const done = await action.runOrNotify(call, labels.failure);
    if (done === null) return null;
    notify({ tone: 'success', title: labels.success, text: '' });
    reload();
    return done;
  };
}
