import { Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Message } from '@atendo/shared/schemas/message';
import { DeliveryTicks } from '../../../ui/delivery-ticks';
import { formatMessageTime } from '../../../ui/format';
import { deliveryErrorText } from '../../../i18n/error-text';
import { AttachmentView } from './attachment-view';

export type MessageBubbleProps = {
  message: DeepReadonly<Message>;
  authorName: string | null;
  now: number;
  /** Offered on a failed message whose reason is the closed window. */
  onSendTemplate?: () => void;
};

/** The codes for "outside the 24 h window" (WHATSAPP.md), old and current. */
const WINDOW_FAILURE_CODES = new Set(['template-required', 'window-closed', '131047']);

/** An inbound or outbound message; outbound ones say which agent wrote them and how far they got. */
export function MessageBubble({ message, authorName, now, onSendTemplate }: MessageBubbleProps) {
  const { t, i18n } = useTranslation();
  const outbound = message.direction === 'outbound';
  const failed = message.status === 'failed';
  return (
    <Group
      justify={outbound ? 'flex-end' : 'flex-start'}
      data-testid="message"
      data-direction={message.direction}
      data-status={message.status}
    >
      <Paper
        px="sm"
        py={6}
        radius="lg"
        maw="72%"
        withBorder={!outbound}
        bg={outbound ? 'var(--mantine-primary-color-light)' : 'var(--mantine-color-body)'}
        style={failed ? { outline: '1px solid var(--mantine-color-red-5)' } : undefined}
      >
        <Stack gap={2}>
          {outbound && authorName !== null && (
            <Text
              size="xs"
              fw={600}
              c="var(--mantine-primary-color-filled)"
              data-testid="message-author"
            >
              {authorName}
            </Text>
          )}
          {message.template !== null && (
            <Text size="xs" c="dimmed">
              {t('message.template', { name: message.template.name })}
            </Text>
          )}
          {message.body !== '' && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {message.body}
            </Text>
          )}
          {message.attachments.map((a) => (
            <AttachmentView key={a.id} attachment={a} />
          ))}
          <Group gap={4} justify="flex-end">
            <Text size="xs" c="dimmed">
              {formatMessageTime(message.createdAt, now, i18n.language)}
            </Text>
            {outbound && <DeliveryTicks status={message.status} />}
          </Group>
          {failed && (
            <Box role="alert">
              <Text size="xs" c="red">
                {t('message.failedReason', { reason: deliveryErrorText(t, message.error) })}
              </Text>
              {onSendTemplate !== undefined &&
                WINDOW_FAILURE_CODES.has(message.error?.code ?? '') && (
                  <Button size="compact-xs" variant="light" mt={4} onClick={onSendTemplate}>
                    {t('message.sendTemplateFix')}
                  </Button>
                )}
            </Box>
          )}
        </Stack>
      </Paper>
    </Group>
  );
}
