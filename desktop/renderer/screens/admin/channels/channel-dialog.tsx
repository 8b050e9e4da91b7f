import { Alert, Fieldset, Modal, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ChannelCreate,
  ChannelUpdate,
  type AdminChannel,
} from '@atendo/shared/schemas/admin/channels';
import type { AdminTeam } from '@atendo/shared/schemas/admin/teams';
import { useWorkspace } from '../../../data/workspace-context';
import { DialogActions } from '../../../ui/dialog-actions';
import { ReadOnlyNote, useAdminAccess } from '../admin-access';
import type { FieldErrors } from '../form-errors';
import { ReadOnlyClose } from '../read-only-close';
import { useAdminForm } from '../use-admin-form';
import { BotMenuEditor } from './bot-menu-editor';
import { channelDraft, channelInput, type ChannelDraft } from './channel-draft';
import { GeneralFields } from './general-fields';
import { WebchatFields } from './webchat-fields';
import { WhatsAppFields } from './whatsapp-fields';

// Draft fields whose input path differs from their name.
const FIELD_PATHS: Readonly<Record<string, string>> = {
  inboundOnly: 'direction',
  allowedOrigins: 'webchat.allowedOrigins',
  primaryColor: 'webchat.colors.primary',
  textColor: 'webchat.colors.text',
  greeting: 'webchat.greeting',
  preChatFields: 'webchat.preChatFields',
  language: 'webchat.language',
};

export type Tab = 'general' | 'connection' | 'bot';

// Which tab shows a field, so a tab whose fields have errors is marked.
const tabOf = (path: string): Tab =>
  path.startsWith('botMenu')
    ? 'bot'
    : ['name', 'defaultTeamId', 'direction'].includes(path)
      ? 'general'
      : 'connection';

const tabsWithErrors = (errors: FieldErrors): ReadonlySet<Tab> =>
  new Set(Object.keys(errors).map(tabOf));

export type ChannelDialogProps = {
  kind: ChannelDraft['kind'];
  /** Null creates a channel of `kind`. */
  channel: AdminChannel | null;
  teams: readonly AdminTeam[];
  /** The tab shown first: "connection" right after creating shows the webhook URL or snippet. */
  initialTab?: Tab;
  onSaved: (channel: AdminChannel) => void;
  onClose: () => void;
};

/** One channel's whole setup in three tabs, saved together in one call. */
export function ChannelDialog(props: ChannelDialogProps) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const { canEdit } = useAdminAccess();
  const { channel } = props;
  const overrides = {
    defaultTeamId: t('adminPeople.channels.pickDefaultTeam'),
    'botMenu.options.*.teamId': t('adminPeople.bot.pickTeam'),
    'botMenu.timeoutMs': t('adminPeople.bot.timeoutRange'),
    phoneNumberId: t('adminPeople.channels.phoneNumberIdFormat'),
    wabaId: t('adminPeople.channels.wabaIdFormat'),
    key: t('adminPeople.channels.keyFormat'),
    'webchat.allowedOrigins.*': t('adminPeople.channels.originFormat'),
    'webchat.colors.primary': t('adminPeople.channels.colorFormat'),
    'webchat.colors.text': t('adminPeople.channels.colorFormat'),
    'webchat.preChatFields.*.key': t('adminPeople.channels.preChat.keyFormat'),
  };
  const createForm = useAdminForm(ChannelCreate, overrides);
  const updateForm = useAdminForm(ChannelUpdate, overrides);
  const form = channel === null ? createForm : updateForm;
  const [draft, setDraft] = useState<ChannelDraft>(() => channelDraft(props.kind, channel));
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<Tab>(props.initialTab ?? 'general');
  const change = (patch: Partial<ChannelDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
    form.clear(Object.keys(patch).map((key) => FIELD_PATHS[key] ?? key));
  };

  const save = async () => {
    const input = channelInput(draft, channel);
    const labels = {
      success: t('adminPeople.channels.saved', { name: draft.name.trim() }),
    };
    const saved =
      channel === null
        ? await createForm.submit(input, (i) => api.admin.channels.create.mutate(i), labels)
        : await updateForm.submit(input, (i) => api.admin.channels.update.mutate(i), labels);
    if (saved !== null) props.onSaved(saved);
  };

  const teamOptions = props.teams
    .filter((team) => !team.archived)
    .map((team) => ({ value: team.id, label: team.name }));
  const marked = tabsWithErrors(form.errors);
  const tabLabel = (value: Tab, label: string) => (
    <Tabs.Tab value={value} color={marked.has(value) ? 'red' : undefined}>
      {marked.has(value) ? `${label} •` : label}
    </Tabs.Tab>
  );
  const kindLabel = t(`adminPeople.channels.kinds.${draft.kind}`);
  return (
    <Modal
      opened
      onClose={props.onClose}
      size="xl"
      title={
        channel === null
          ? t('adminPeople.channels.createTitle', { kind: kindLabel })
          : t('adminPeople.channels.editTitle', { name: channel.name })
      }
    >
      <Stack gap="sm">
        <ReadOnlyNote />
        <Tabs
          value={tab}
          onChange={(value) => {
            if (value === 'general' || value === 'connection' || value === 'bot') setTab(value);
          }}
        >
          <Tabs.List>
            {tabLabel('general', t('adminPeople.channels.tabs.general'))}
            {tabLabel(
              'connection',
              draft.kind === 'whatsapp'
                ? t('adminPeople.channels.tabs.whatsapp')
                : t('adminPeople.channels.tabs.webchat'),
            )}
            {tabLabel('bot', t('adminPeople.channels.tabs.bot'))}
          </Tabs.List>
          <Fieldset variant="unstyled" disabled={!canEdit} pt="md">
            <Tabs.Panel value="general">
              <GeneralFields
                draft={draft}
                teams={teamOptions}
                error={form.error}
                onChange={change}
              />
            </Tabs.Panel>
            <Tabs.Panel value="connection">
              {draft.kind === 'whatsapp' ? (
                <WhatsAppFields
                  draft={draft}
                  channel={channel}
                  error={form.error}
                  onChange={change}
                  dirty={dirty}
                />
              ) : (
                <WebchatFields
                  draft={draft}
                  channel={channel}
                  error={form.error}
                  onChange={change}
                />
              )}
            </Tabs.Panel>
            <Tabs.Panel value="bot">
              <BotMenuEditor
                menu={draft.botMenu}
                teams={teamOptions}
                error={form.error}
                onChange={(botMenu) => {
                  change({ botMenu });
                }}
              />
            </Tabs.Panel>
          </Fieldset>
        </Tabs>
        {form.failureText !== null && (
          <Alert color="red" role="alert">
            {form.failureText}
          </Alert>
        )}
        {form.hasErrors && (
          <Alert color="red" variant="light" role="alert">
            {t('adminPeople.validation.check')}
          </Alert>
        )}
        {canEdit ? (
          <DialogActions
            confirmLabel={
              channel === null ? t('adminPeople.channels.create') : t('adminPeople.save')
            }
            onConfirm={() => void save()}
            onCancel={props.onClose}
            pending={form.pending}
          />
        ) : (
          <ReadOnlyClose onClose={props.onClose} />
        )}
      </Stack>
    </Modal>
  );
}
