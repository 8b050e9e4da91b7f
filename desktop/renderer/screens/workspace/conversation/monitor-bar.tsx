import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { diagnostics } from '../../../app/diagnostics';
import { useApiAction } from '../../../data/use-api-action';
import type { ConversationViewData } from '../../../data/use-conversation-view';
import { useWorkspace } from '../../../data/workspace-context';
import { useNotify } from '../../../ui/notices';

/**
 * In place of the composer when a supervisor reads a live conversation they do not serve: it is
 * read-only until they join. Opening it is a read the access log records (monitoring.read), as
 * every read of a conversation by someone outside it is, even though the timeline is local.
 */
export function MonitorBar({ view }: { view: ConversationViewData }) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const notify = useNotify();
  const action = useApiAction();
  const conversationId = view.conversation.id;
  useEffect(() => {
    api.monitoring.read.query({ conversationId }).catch((error: unknown) => {
      diagnostics.warn({ conversationId, error: String(error) }, 'monitoring read not logged');
    });
  }, [api, conversationId]);
  const owner = view.owner?.name ?? null;
  const join = async () => {
    const done = await action.runOrNotify(
      () => api.monitoring.join.mutate({ conversationId }),
      t('supervise.join'),
    );
    if (done !== null) notify({ tone: 'success', title: t('supervise.joined'), text: '' });
  };
  return (
    <Box p="sm">
      <Alert color="brand" variant="light" data-testid="monitor-bar">
        <Group justify="space-between" wrap="nowrap" gap="md">
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {owner === null ? t('supervise.readingUnowned') : t('supervise.reading', { owner })}
            </Text>
            {view.conversation.state === 'active' && (
              <Text size="xs" c="dimmed">
                {t('supervise.joinHint', { owner: owner ?? t('conversation.unknownAgent') })}
              </Text>
            )}
          </Stack>
          {view.conversation.state === 'active' && (
            <Button onClick={() => void join()} loading={action.pending}>
              {t('supervise.join')}
            </Button>
          )}
        </Group>
      </Alert>
    </Box>
  );
}
