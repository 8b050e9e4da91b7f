import { Alert, Badge, Button, Drawer, Group, Loader, NavLink, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { historyScope } from '@atendo/shared/rules/permissions';
import { useApiQuery } from '../../../data/use-api-query';
import { useDirectory } from '../../../data/use-directory';
import { useNames } from '../../../data/use-names';
import { useActor, useWorkspace } from '../../../data/workspace-context';
import { errorText } from '../../../i18n/error-text';
import { formatDateTime } from '../../../ui/format';
import { HistoryTimeline } from './history-timeline';

export type HistoryDrawerProps = { contactId: string; currentId: string; onClose: () => void };

/** The contact's earlier conversations, as far as the agent's permission reaches; read-only. */
export function HistoryDrawer({ contactId, currentId, onClose }: HistoryDrawerProps) {
  const { t, i18n } = useTranslation();
  const { api } = useWorkspace();
  const actor = useActor();
  const directory = useDirectory();
  const names = useNames();
  const [openId, setOpenId] = useState<string | null>(null);
  const history = useApiQuery(
    () => api.conversation.history.query({ contactId }),
    [api, contactId],
  );
  const scope = historyScope(actor);

  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={t('history.title')}>
      {openId !== null ? (
        <Stack>
          <Button
            variant="subtle"
            onClick={() => {
              setOpenId(null);
            }}
            w="fit-content"
          >
            {t('history.back')}
          </Button>
          <HistoryTimeline conversationId={openId} names={names} />
        </Stack>
      ) : (
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {scope.kind === 'all' ? t('history.scopeAll') : t('history.scopeTeams')}
          </Text>
          {history.status === 'loading' && <Loader size="sm" aria-label={t('app.loading')} />}
          {history.status === 'failed' && (
            <Alert color="red">{errorText(t, history.failure)}</Alert>
          )}
          {history.status === 'ok' &&
            (history.data.filter((c) => c.id !== currentId).length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('history.empty')}
              </Text>
            ) : (
              history.data
                .filter((c) => c.id !== currentId)
                .map((c) => (
                  <NavLink
                    key={c.id}
                    aria-label={t('history.open', {
                      date: formatDateTime(c.createdAt, i18n.language),
                    })}
                    label={
                      <Group gap="xs">
                        <Text size="sm" fw={500}>
                          {formatDateTime(c.createdAt, i18n.language)}
                        </Text>
                        <Badge size="xs" variant="light">
                          {t(`state.${c.state}`)}
                        </Badge>
                      </Group>
                    }
                    description={[
                      directory.channels.get(c.channelId)?.name,
                      directory.teams.get(c.teamId)?.name,
                      names.agent(c.ownerId),
                      c.lastMessagePreview,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                    onClick={() => {
                      setOpenId(c.id);
                    }}
                    data-testid="history-item"
                  />
                ))
            ))}
        </Stack>
      )}
    </Drawer>
  );
}
