import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorDetails } from '@atendo/shared/errors';
import { ERROR_CODES } from '@atendo/shared/errors';
import type { OutboxRecord } from '../../../store/local-schemas';
import { errorText } from '../../../i18n/error-text';
import { DeliveryTicks } from '../../../ui/delivery-ticks';

export type OutboxBubbleProps = {
  item: OutboxRecord;
  onRetry: (id: string) => void;
  onEdit: (id: string) => void;
  onDiscard: (id: string) => void;
  onSendTemplate: () => void;
};

const WAITING_CODES = ['network', 'server-error', 'rate-limited', 'session'] as const;

/** Why a pending item still waits, and when it is tried again; null before any failure. */
function useWaitingText(item: OutboxRecord): string | null {
  const { t, i18n } = useTranslation();
  const code = WAITING_CODES.find((c) => c === item.failure?.code);
  if (item.state !== 'pending' || code === undefined || item.attempts === 0) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(
    new Date(item.nextAttemptAt),
  );
  return t('sending.retrying', { reason: t(`sending.waiting.${code}`), time });
}

const knownCode = (code: string) => ERROR_CODES.find((c) => c === code) ?? null;

const previewOf = (item: OutboxRecord): string => {
  const body = item.payload['body'];
  if (typeof body === 'string') return body;
  const caption = item.payload['caption'];
  return typeof caption === 'string' ? caption : '';
};

/**
 * A message still on this machine: queued (with why it still waits once a try failed), or
 * refused by the server with the reason and what to do: retry, edit (a text goes back into the
 * composer), discard, or the closed window's fix, a template.
 */
export function OutboxBubble(props: OutboxBubbleProps) {
  const { item, onRetry, onEdit, onDiscard, onSendTemplate } = props;
  const { t } = useTranslation();
  const waiting = useWaitingText(item);
  const failed = item.state === 'failed';
  const code = item.failure === null ? null : knownCode(item.failure.code);
  const details: ErrorDetails = item.failure?.details ?? {};
  const reason =
    code === null
      ? t('errors.generic')
      : errorText(t, { kind: 'atendo', code, details, message: '' });
  return (
    <Group justify="flex-end" data-testid="outbox-message" data-state={item.state}>
      <Paper
        px="sm"
        py={6}
        radius="lg"
        maw="72%"
        bg="var(--mantine-primary-color-light)"
        style={{ opacity: failed ? 1 : 0.8 }}
      >
        <Stack gap={2}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {previewOf(item) ||
              t(`message.${item.kind === 'template' ? 'sendTemplateFix' : 'queued'}`)}
          </Text>
          <Group gap={4} justify="flex-end">
            <Text size="xs" c="dimmed">
              {failed ? t('message.failed') : t('message.queued')}
            </Text>
            <DeliveryTicks status={failed ? 'failed' : 'queued'} />
          </Group>
          {waiting !== null && (
            <Text size="xs" c="dimmed" data-testid="outbox-waiting">
              {waiting}
            </Text>
          )}
          {failed && (
            <Stack gap={4} role="alert">
              <Text size="xs" c="red">
                {t('message.failedReason', { reason })}
              </Text>
              <Group gap={4}>
                {code === 'template-required' ? (
                  <Button size="compact-xs" onClick={onSendTemplate}>
                    {t('message.sendTemplateFix')}
                  </Button>
                ) : (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => {
                      onRetry(item.id);
                    }}
                  >
                    {t('message.retry')}
                  </Button>
                )}
                {item.kind === 'text' && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => {
                      onEdit(item.id);
                    }}
                  >
                    {t('sending.edit')}
                  </Button>
                )}
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  onClick={() => {
                    onDiscard(item.id);
                  }}
                >
                  {t('message.discard')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      </Paper>
    </Group>
  );
}
