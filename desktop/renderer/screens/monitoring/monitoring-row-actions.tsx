import { Button, Group, Menu, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { useApiAction } from '../../data/use-api-action';
import type { Directory } from '../../data/use-directory';
import { useWorkspace } from '../../data/workspace-context';
import { Icon } from '../../ui/icons';
import { DialogActions } from '../../ui/dialog-actions';
import { TransferDialog } from '../workspace/actions/transfer-dialog';
import { useOpenConversation } from '../workspace/open-conversation';

export type MonitoringRowActionsProps = {
  conversation: DeepReadonly<Conversation>;
  contactName: string;
  directory: Directory;
};

/**
 * Open (read, then join), force-close, send back to the queue, transfer, reassign: the
 * supervisor's ways into a conversation and to unblock a contact.
 */
export function MonitoringRowActions({
  conversation,
  contactName,
  directory,
}: MonitoringRowActionsProps) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const action = useApiAction();
  const openConversation = useOpenConversation();
  const [dialog, setDialog] = useState<'close' | 'reassign' | 'send-back' | 'transfer' | null>(
    null,
  );
  const [agentId, setAgentId] = useState<string | null>(null);
  const conversationId = conversation.id;
  // The row itself changes on success (state, owner): only a refusal needs a notice.
  const run = async (work: () => Promise<unknown>, title: string) => {
    await action.runOrNotify(work, title);
    setDialog(null);
  };
  const owner =
    conversation.ownerId === null ? null : (directory.agents.get(conversation.ownerId) ?? null);
  const team = directory.teams.get(conversation.teamId)?.name ?? '—';
  const live = conversation.state !== 'awaiting_csat';
  const agents = [...directory.agents.values()]
    .filter((a) => a.id !== conversation.ownerId && a.teamIds.includes(conversation.teamId))
    .map((a) => ({ value: a.id, label: a.name }));
  return (
    <>
      <Group gap={4} wrap="nowrap">
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            openConversation(conversationId);
          }}
          aria-label={t('supervise.openFor', { name: contactName })}
        >
          {t('supervise.open')}
        </Button>
        <Button
          size="compact-sm"
          color="red"
          variant="light"
          onClick={() => {
            setDialog('close');
          }}
          aria-label={`${t('monitoring.forceClose')}: ${contactName}`}
        >
          {t('monitoring.forceClose')}
        </Button>
        <Menu withinPortal position="bottom-end">
          <Menu.Target>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              aria-label={t('monitoring.actionsFor', { name: contactName })}
            >
              <Icon name="dots" />
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              disabled={conversation.state !== 'active'}
              onClick={() => {
                setDialog('send-back');
              }}
            >
              {t('monitoring.sendBack')}
            </Menu.Item>
            <Menu.Item
              disabled={!live}
              onClick={() => {
                setDialog('transfer');
              }}
            >
              {t('supervise.transfer')}
            </Menu.Item>
            <Menu.Item
              disabled={!live}
              onClick={() => {
                setDialog('reassign');
              }}
            >
              {t('monitoring.reassign')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Modal
        opened={dialog === 'close'}
        onClose={() => {
          setDialog(null);
        }}
        title={t('monitoring.forceCloseTitle', { name: contactName })}
      >
        <Stack>
          <Text size="sm">{t('monitoring.forceCloseBody')}</Text>
          <DialogActions
            confirmLabel={t('monitoring.forceClose')}
            onConfirm={() =>
              void run(
                () => api.monitoring.forceClose.mutate({ conversationId }),
                t('monitoring.forceClose'),
              )
            }
            onCancel={() => {
              setDialog(null);
            }}
            pending={action.pending}
            danger
          />
        </Stack>
      </Modal>
      <Modal
        opened={dialog === 'reassign'}
        onClose={() => {
          setDialog(null);
        }}
        title={t('monitoring.reassign')}
      >
        <Stack>
          <Select
            label={t('monitoring.reassignTo')}
            data={agents}
            value={agentId}
            onChange={setAgentId}
            searchable
          />
          <DialogActions
            confirmLabel={t('monitoring.reassign')}
            onConfirm={() => {
              if (agentId !== null)
                void run(
                  () => api.monitoring.reassign.mutate({ conversationId, agentId }),
                  t('monitoring.reassign'),
                );
            }}
            onCancel={() => {
              setDialog(null);
            }}
            pending={action.pending}
            disabled={agentId === null}
          />
        </Stack>
      </Modal>
      <Modal
        opened={dialog === 'send-back'}
        onClose={() => {
          setDialog(null);
        }}
        title={t('supervise.sendBackTitle', { name: contactName })}
      >
        <Stack>
          <Text size="sm">
            {owner === null
              ? t('supervise.sendBackBodyUnowned', { team })
              : t('supervise.sendBackBody', { owner: owner.name, team })}
          </Text>
          <DialogActions
            confirmLabel={t('monitoring.sendBack')}
            onConfirm={() =>
              void run(
                () => api.monitoring.sendBackToQueue.mutate({ conversationId }),
                t('monitoring.sendBack'),
              )
            }
            onCancel={() => {
              setDialog(null);
            }}
            pending={action.pending}
          />
        </Stack>
      </Modal>
      {dialog === 'transfer' && (
        <TransferDialog
          conversation={conversation}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
