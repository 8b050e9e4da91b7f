import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBrowserOnline, useReconnectOnOnline } from '../../data/use-online';
import { useSyncStatus } from '../../data/use-sync-status';
import { Icon } from '../../ui/icons';

/**
 * Says when the workspace works from local data only. Typing goes on (the outbox keeps the
 * messages); when the connection returns the store resyncs before the banner goes away.
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const synced = useSyncStatus();
  const online = useBrowserOnline();
  useReconnectOnOnline();
  const status = online ? synced : 'offline';
  if (status === 'online' || status === 'syncing') return null;
  return (
    <Alert
      color={status === 'offline' ? 'red' : 'orange'}
      variant="filled"
      radius={0}
      py={6}
      icon={<Icon name="wifiOff" />}
      role="status"
      data-testid="offline-banner"
    >
      {status === 'offline' ? t('offline.banner') : t('offline.error')}
    </Alert>
  );
}
