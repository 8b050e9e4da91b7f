import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiAction } from '../../data/use-api-action';
import { useDirectory } from '../../data/use-directory';
import {
  useStartConversation,
  type StartContent,
  type StartDenial,
} from '../../data/use-start-conversation';
import { useTemplates } from '../../data/use-templates';
import { useWorkspace } from '../../data/workspace-context';
import { errorText } from '../../i18n/error-text';
import { TemplatePicker } from '../workspace/conversation/template-picker';
import { ContactPicker } from './contact-picker';
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
  const { session } = useWorkspace();
  const directory = useDirectory();
  const starter = useStartConversation();
  const { describe } = useApiAction();
  const [contactId, setContactId] = useState<string | null>(null);
  const [channelId, setChannelId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [denial, setDenial] = useState<StartDenial | null>(null);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const channel = channelId === null ? null : (directory.channels.get(channelId) ?? null);
  const teamId =
    channel === null
      ? null
      : (session.agent.teamIds.find((id) => id === channel.defaultTeamId) ??
        session.agent.teamIds[0] ??
        channel.defaultTeamId);
  const templates = useTemplates(channelId, teamId);
  const local =
    contactId !== null && channel !== null ? starter.precheck(contactId, channel) : null;
  const shownDenial = denial ?? local;
  const templateOnly = channel !== null && starter.needsTemplate(channel, Date.now());

  const reset = () => {
    setContactId(null);
    setChannelId(null);
    setText('');
    setDenial(null);
    onClose();
  };
  const submit = async (content: StartContent) => {
    if (contactId === null || channelId === null) return;
    const result = await starter.start(contactId, channelId, content);
    if (result === null) return;
    if ('conversationId' in result) {
      onOpenConversation(result.conversationId);
      reset();
    } else {
      setDenial(result);
    }
  };
  const channels = [...directory.channels.values()].map((c) => ({
    value: c.id,
    label: c.direction === 'inbound-only' ? `${c.name} (${t('start.inboundOnly')})` : c.name,
  }));

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
        <Select
          label={t('start.channel')}
          data={channels}
          value={channelId}
          onChange={(v) => {
            setChannelId(v);
            setDenial(null);
          }}
        />
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
          channel !== null &&
          contactId !== null &&
          (templateOnly ? (
            <Alert color="blue" variant="light">
              <Group justify="space-between">
                <Text size="sm">{t('start.templateNeeded')}</Text>
                <Button
                  size="xs"
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
                shownDenial !== null || contactId === null || channel === null || text.trim() === ''
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
