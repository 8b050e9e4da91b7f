import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktopShell } from '../../bridge/get-bridge';

const askable = (): boolean =>
  !isDesktopShell() && typeof Notification !== 'undefined' && Notification.permission === 'default';

/**
 * In a browser, notifications need the agent's permission, which browsers only let a page ask
 * for from a click. The button shows while the answer is still open and disappears once the
 * agent answers either way, so the agent is asked once and never nagged.
 */
export function NotificationPermissionButton() {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(askable);
  if (!visible) return null;
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      style={{ flexShrink: 0 }}
      onClick={() => {
        void Notification.requestPermission().finally(() => {
          setVisible(askable());
        });
      }}
    >
      {t('header.enableNotifications')}
    </Button>
  );
}
