import { ActionIcon, Group, Menu, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canClose, canInvite, canTag, canTransfer } from '@atendo/shared/rules/permissions';
import { canRemoveParticipant } from '@atendo/shared/rules/participants';
import { accessOf } from '../../../data/access';
import { useDial } from '../../../data/use-dial';
import type { ConversationViewData } from '../../../data/use-conversation-view';
import { useActor } from '../../../data/workspace-context';
import { Icon, type IconName } from '../../../ui/icons';
import { ContactFormDialog } from '../../contact/contact-form-dialog';
import { useOnActionRequest } from './action-requests';
import { CloseDialog } from './close-dialog';
import { HistoryDrawer } from './history-drawer';
import { InviteDialog } from './invite-dialog';
import { OtherChannelsMenu } from './other-channels-menu';
import { useLeave } from './use-leave';
import { TagsMenu } from './tags-menu';
import { TransferDialog } from './transfer-dialog';

type Dialog = 'transfer' | 'invite' | 'close' | 'history' | 'contact' | null;

export type ConversationActionsProps = { view: ConversationViewData; onOpenTemplates: () => void };

/** The top panel (call, attach, history, invite, transfer, other channels, edit, close). */
export function ConversationActions({ view, onOpenTemplates }: ConversationActionsProps) {
  const { t } = useTranslation();
  const actor = useActor();
  const dial = useDial();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tagsOpen, setTagsOpen] = useState(false);
  const access = accessOf(view.conversation);
  const live = view.conversation.state === 'active';
  const may = {
    transfer: live && canTransfer(actor, access).ok,
    invite: live && canInvite(actor, access).ok,
    close: live && canClose(actor, access).ok,
    tag: live && canTag(actor, access).ok,
    leave: live && actor.id !== access.ownerId && canRemoveParticipant(actor, access, actor.id).ok,
  };
  const leave = useLeave(view.conversation.id);
  useOnActionRequest('transfer', () => {
    if (may.transfer) setDialog('transfer');
  });
  useOnActionRequest('close', () => {
    if (may.close) setDialog('close');
  });
  const phone = view.contact?.phones[0] ?? null;
  const open = (d: Dialog) => () => {
    setDialog(d);
  };
  const closeDialog = () => {
    setDialog(null);
  };
  const attach = () =>
    document.querySelector<HTMLInputElement>('[data-testid="composer-file-input"]')?.click();

  return (
    <Group gap={4} wrap="nowrap" role="toolbar" aria-label={t('actions.topPanel')}>
      <PanelButton
        icon="phone"
        label={phone === null ? t('actions.callNoPhone') : t('actions.call')}
        disabled={phone === null}
        onClick={() => {
          if (phone !== null) void dial(phone);
        }}
      />
      <PanelButton
        icon="paperclip"
        label={t('actions.attach')}
        disabled={!view.freeMessagesAllowed}
        onClick={attach}
      />
      <PanelButton icon="history" label={t('actions.history')} onClick={open('history')} />
      <PanelButton
        icon="users"
        label={t('actions.invite')}
        disabled={!may.invite}
        onClick={open('invite')}
      />
      <PanelButton
        icon="transfer"
        label={t('actions.transfer')}
        disabled={!may.transfer}
        onClick={open('transfer')}
      />
      <OtherChannelsMenu
        contactId={view.conversation.contactId}
        channelId={view.conversation.channelId}
      />
      <PanelButton
        icon="edit"
        label={t('actions.editContact')}
        disabled={view.contact === null}
        onClick={open('contact')}
      />
      {may.tag && (
        <TagsMenu conversation={view.conversation} opened={tagsOpen} onChange={setTagsOpen} />
      )}
      <PanelButton
        icon="close"
        label={t('actions.close')}
        color="red"
        disabled={!may.close}
        onClick={open('close')}
      />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('actions.contactOptions')}
          >
            <Icon name="dots" />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item disabled={!view.mayWrite} onClick={onOpenTemplates}>
            {t('actions.sendTemplate')}
          </Menu.Item>
          <Menu.Item onClick={open('history')}>{t('actions.history')}</Menu.Item>
          <Menu.Item disabled={view.contact === null} onClick={open('contact')}>
            {t('actions.editContact')}
          </Menu.Item>
          <Menu.Item
            disabled={!may.tag}
            onClick={() => {
              setTagsOpen(true);
            }}
          >
            {t('seat.assignTag')}
          </Menu.Item>
          <Menu.Item disabled={!may.transfer} onClick={open('transfer')}>
            {t('actions.transfer')}
          </Menu.Item>
          {may.leave && <Menu.Item onClick={() => void leave()}>{t('seat.leave')}</Menu.Item>}
          <Menu.Item color="red" disabled={!may.close} onClick={open('close')}>
            {t('actions.close')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog === 'transfer' && (
        <TransferDialog conversation={view.conversation} onClose={closeDialog} />
      )}
      {dialog === 'invite' && (
        <InviteDialog conversation={view.conversation} onClose={closeDialog} />
      )}
      {dialog === 'close' && (
        <CloseDialog conversation={view.conversation} team={view.team} onClose={closeDialog} />
      )}
      {dialog === 'history' && (
        <HistoryDrawer
          contactId={view.conversation.contactId}
          currentId={view.conversation.id}
          onClose={closeDialog}
        />
      )}
      {dialog === 'contact' && view.contact !== null && (
        <ContactFormDialog contact={view.contact} onClose={closeDialog} />
      )}
    </Group>
  );
}

type PanelButtonProps = {
  icon: IconName;
  label: string;
  onClick: () => void;
  disabled?: boolean;
  color?: string;
};

function PanelButton({ icon, label, onClick, disabled = false, color = 'gray' }: PanelButtonProps) {
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color={color}
        size="lg"
        aria-label={label}
        disabled={disabled}
        onClick={onClick}
      >
        <Icon name={icon} />
      </ActionIcon>
    </Tooltip>
  );
}
