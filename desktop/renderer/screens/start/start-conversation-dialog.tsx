import { Alert, Button, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiAction } from '../../data/use-api-action';
import { useApiQuery } from '../../data/use-api-query';
import { useNow } from '../../data/use-now';
import { useDirectory } from '../../data/use-directory';
import {
  isStartReason,
  startDenial,
  useStartConversation,
  type StartContent,
  type StartDenial,
} from '../../data/use-start-conversation';
import { formatDuration } from '../../ui/format';
import { useTemplates } from '../../data/use-templates';
import { useWorkspace } from '../../data/workspace-context';
import { errorText } from '../../i18n/error-text';
import { TemplatePicker } from '../workspace/conversation/template-picker';
import { ContactPicker } from './contact-picker';
import { ChannelChoice, TeamChoice } from './start-choices';
import { StartDenialAlert } from './start-denial-alert';

export type StartConversationDialogProps = {
  opened: boolean;
  onClose: () => void;
  onOpenConversation: (conversationId: string) => void;
};

/** Pick a contact and a channel; every refusal is explained with what to do next. */
export function StartConversationDialog({
  opened,
  onClose,
  onOpenConversation,
}: StartConversationDialogProps) {
  const { t } = useTranslation();
  const { session, api } = useWorkspace();
  const directory = useDirectory();
  const starter = useStartConversation();
  const { describe } = useApiAction();
  const now = useNow(30_000);
  const [contactId, setContactId] = useState<string | null>(null);
  const [channelId, setChannelId] = useState<string | null>(null);
  const [chosenTeamId, setChosenTeamId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [denial, setDenial] = useState<StartDenial | null>(null);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const channel = channelId === null ? null : (directory.channels.get(channelId) ?? null);
  const myTeams = session.agent.teamIds.flatMap((id) => directory.teams.get(id) ?? []);
  const teamId =
    chosenTeamId ??
    (channel === null
      ? null
      : (session.agent.teamIds.find((id) => id === channel.defaultTeamId) ??
        session.agent.teamIds[0] ??
        channel.defaultTeamId));
  const templates = useTemplates(channelId, teamId);
  const startChannel = channel && { ...channel, archived: channel.archived ?? false };
  const local =
    contactId !== null && startChannel !== null ? starter.precheck(contactId, startChannel) : null;
  // The server knows conversations the store does not hold (another team's): ask it as soon as
  // contact and channel are picked, before the agent writes. Offline, the local check stands.
  const serverCheck = useApiQuery(
    () =>
      contactId === null || channelId === null || local !== null
        ? Promise.resolve(null)
        : api.conversation.checkStart.query({ contactId, channelId, teamId: chosenTeamId }),
    [contactId, channelId, chosenTeamId, local?.reason],
  );
  const checked = serverCheck.status === 'ok' ? serverCheck.data : null;
  const remote =
    checked !== null && !checked.ok && isStartReason(checked.reason)
      ? startDenial(checked.reason, checked.details)
      : null;
  const checking = local === null && contactId !== null && serverCheck.status === 'loading';
  const shownDenial = denial ?? local ?? remote;
  const window =
    contactId !== null && startChannel !== null
      ? starter.windowFor(contactId, startChannel, now)
      : null;
  const templateOnly = window?.needsTemplate === true;
  const otherNumber = window?.otherNumber ?? null;

  const reset = () => {
    setContactId(null);
    setChannelId(null);
    setChosenTeamId(null);
    setText('');
    setDenial(null);
    onClose();
  };
  const submit = async (content: StartContent) => {
    if (contactId === null || channelId === null) return;
    const result = await starter.start(contactId, channelId, chosenTeamId, content);
    if (result === null) return;
    if ('conversationId' in result) {
      onOpenConversation(result.conversationId);
      reset();
    } else {
      setDenial(result);
    }
  };

  return (
    <Modal opened={opened} onClose={reset} title={t('start.title')} size="lg">
      <Stack>
        <ContactPicker
          value={contactId}
          onChange={(id) => {
            setContactId(id);
            setDenial(null);
          }}
        />
        <ChannelChoice
          channels={[...directory.channels.values()]}
          contactId={contactId}
          starter={starter}
          value={channelId}
          onChange={(v) => {
            setChannelId(v);
            setDenial(null);
          }}
        />
        <TeamChoice
          teams={myTeams}
          value={teamId}
          onChange={(v) => {
            setChosenTeamId(v);
            setDenial(null);
          }}
        />
        {checking && channel !== null && (
          <Group gap="xs" data-testid="start-checking">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('seatWa.checking')}
            </Text>
          </Group>
        )}
        {shownDenial !== null && (
          <StartDenialAlert
            denial={shownDenial}
            onOpenConversation={(id) => {
              onOpenConversation(id);
              reset();
            }}
          />
        )}
        {shownDenial === null &&
          !checking &&
          channel !== null &&
          contactId !== null &&
          (templateOnly ? (
            <Alert color="blue" variant="light" data-testid="start-template-needed">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {otherNumber !== null
                    ? t('seatWa.otherNumber', {
                        ago: formatDuration(now - otherNumber.lastInboundAt),
                      })
                    : t('start.templateNeeded')}
                </Text>
                <Button
                  size="xs"
                  style={{ flexShrink: 0 }}
                  onClick={() => {
                    setTemplatesOpen(true);
                  }}
                >
                  {t('actions.sendTemplate')}
                </Button>
              </Group>
            </Alert>
          ) : (
            <Textarea
              label={t('composer.label')}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
              }}
              autosize
              minRows={2}
            />
          ))}
        {starter.failure !== null && (
          <Alert color="red" role="alert">
            {starter.failure.kind === 'atendo'
              ? describe(starter.failure)
              : errorText(t, starter.failure)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={reset}>
            {t('actions.cancel')}
          </Button>
          {!templateOnly && (
            <Button
              loading={starter.pending}
              disabled={
                shownDenial !== null ||
                checking ||
                contactId === null ||
                channel === null ||
                text.trim() === ''
              }
              onClick={() => void submit({ kind: 'text', text: text.trim() })}
            >
              {t('start.submit')}
            </Button>
          )}
        </Group>
      </Stack>
      <TemplatePicker
        opened={templatesOpen}
        templates={templates}
        onClose={() => {
          setTemplatesOpen(false);
        }}
        onSend={(templateId, params) => submit({ kind: 'template', templateId, params })}
      />
    </Modal>
  );
}
