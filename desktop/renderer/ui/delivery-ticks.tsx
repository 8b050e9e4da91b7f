import { Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '@atendo/shared/schemas/message';
import { Icon } from './icons';

/** WhatsApp-style ticks: clock queued, one tick sent, two delivered, two blue read, alert failed. */
export function DeliveryTicks({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  const label = t(`message.${status}`);
  const icon =
    status === 'queued'
      ? 'clock'
      : status === 'sent'
        ? 'check'
        : status === 'failed'
          ? 'alert'
          : 'checks';
  const color =
    status === 'read'
      ? 'var(--mantine-color-blue-5)'
      : status === 'failed'
        ? 'var(--mantine-color-red-6)'
        : 'currentColor';
  return (
    <Tooltip label={label}>
      <span
        role="img"
        aria-label={label}
        data-status={status}
        style={{ display: 'inline-flex', color }}
      >
        <Icon name={icon} size={14} />
      </span>
    </Tooltip>
  );
}
