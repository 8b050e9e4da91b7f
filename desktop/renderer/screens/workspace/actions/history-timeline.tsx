import { Alert, Badge, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NameLookup } from '../../../i18n/system-event-text';
import { errorText } from '../../../i18n/error-text';
import { useApiQuery } from '../../../data/use-api-query';
import { useNow } from '../../../data/use-now';
import { useWorkspace } from '../../../data/workspace-context';
import { Timeline } from '../conversation/timeline';

/** A past conversation's messages fetched from the server, shown without any way to act. */
export function HistoryTimeline({
  conversationId,
  names,
}: {
  conversationId: string;
  names: NameLookup;
}) {
  const { t } = useTranslation();
  const { api, session } = useWorkspace();
  const now = useNow(60_000);
  const timeline = useApiQuery(
    () => api.conversation.timeline.query({ conversationId }),
    [api, conversationId],
  );
  if (timeline.status === 'loading') return <Loader size="sm" aria-label={t('app.loading')} />;
  if (timeline.status === 'failed')
    return <Alert color="red">{errorText(t, timeline.failure)}</Alert>;
  return (
    <Stack gap="xs" data-testid="history-timeline">
      <Badge variant="light" color="gray" w="fit-content">
        {t('history.readOnly')}
      </Badge>
      <Timeline
        messages={timeline.data}
        outbox={[]}
        names={names}
        myId={session.agent.id}
        now={now}
      />
    </Stack>
  );
}
