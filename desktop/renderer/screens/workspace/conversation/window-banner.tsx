import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WindowState } from '@atendo/shared/rules/messaging-window';
import { formatDuration } from '../../../ui/format';
import { Icon } from '../../../ui/icons';

/** Under two hours left, the banner turns amber so the agent can wrap up in time. */
const CLOSING_SOON_MS = 2 * 3_600_000;

export type WindowBannerProps = {
  window: WindowState;
  /** When the contact last wrote to another of the organisation's WhatsApp numbers. */
  otherNumber?: { lastInboundAt: number } | null;
  now: number;
  canSend: boolean;
  onSendTemplate: () => void;
};

/** The WhatsApp 24 h window: a countdown while open, and the template path once it closed. */
export function WindowBanner({
  window,
  otherNumber = null,
  now,
  canSend,
  onSendTemplate,
}: WindowBannerProps) {
  const { t } = useTranslation();
  if (window.kind === 'none') return null;
  if (window.kind === 'open') {
    const remaining = window.closesAt - now;
    const soon = remaining < CLOSING_SOON_MS;
    return (
      <Group
        gap={6}
        px="md"
        py={4}
        data-testid="window-banner"
        data-window="open"
        c={soon ? 'orange' : 'dimmed'}
      >
        <Icon name="clock" size={14} />
        <Text size="xs">
          {soon
            ? t('window.closing', { remaining: formatDuration(remaining) })
            : t('window.open', { remaining: formatDuration(remaining) })}
        </Text>
      </Group>
    );
  }
  return (
    <Alert
      color="orange"
      variant="light"
      radius={0}
      data-testid="window-banner"
      data-window="closed"
      data-other-number={otherNumber !== null}
      icon={<Icon name="clock" />}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {otherNumber !== null
            ? t('seatWa.otherNumber', { ago: formatDuration(now - otherNumber.lastInboundAt) })
            : window.closedAt === null
              ? t('window.neverOpened')
              : t('window.closed')}
        </Text>
        {canSend && (
          <Button
            size="xs"
            onClick={onSendTemplate}
            leftSection={<Icon name="template" size={14} />}
          >
            {t('window.sendTemplate')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
