import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge/get-bridge';
import { useNotify } from '../ui/notices';

/** Click-to-call through the bridge: the softphone in the desktop app, a tel: link in a browser. */
export function useDial() {
  const { t } = useTranslation();
  const notify = useNotify();
  return async (number: string): Promise<void> => {
    try {
      const result = await getBridge().invoke('dialer:call', { number });
      if (result.ok) {
        notify({
          tone: 'info',
          title: t('actions.call'),
          text: t('actions.calling', { number: result.number }),
        });
      } else {
        notify({
          tone: 'error',
          title: t('actions.callFailed'),
          text: t(`errors.${result.reason}`),
        });
      }
    } catch {
      notify({ tone: 'error', title: t('actions.callFailed'), text: t('errors.generic') });
    }
  };
}
