import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstValueFrom } from 'rxjs';
import type { DeepReadonly } from 'rxdb';
import type { DialRequest } from '@atendo/shared/ipc/contract';
import type { Contact } from '@atendo/shared/schemas/contact';
import { getBridge } from '../../bridge/get-bridge';
import { useDial } from '../../data/use-dial';
import { useWorkspace } from '../../data/workspace-context';
import { ContactFormDialog } from '../contact/contact-form-dialog';

type Found = {
  request: DialRequest;
  contact: DeepReadonly<Contact> | null;
  conversationId: string | null;
};

/**
 * A tel:/callto: link opened with Atendo: show who the number belongs to and offer the call.
 * Any web page can open such a link, so nothing is dialled until the agent clicks Call.
 */
export function DialRequestDialog({
  onOpenConversation,
}: {
  onOpenConversation: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { store, session } = useWorkspace();
  const dial = useDial();
  const [found, setFound] = useState<Found | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const open = useRef(onOpenConversation);
  open.current = onOpenConversation;

  useEffect(() => {
    return getBridge().on('event:dial-request', (request) => {
      void (async () => {
        const contact = await firstValueFrom(store.contactByPhone$(request.number));
        const mine = await firstValueFrom(store.myActiveConversations$(session.agent.id));
        const conversation =
          contact === null ? undefined : mine.find((c) => c.contactId === contact.id);
        if (conversation !== undefined) open.current(conversation.id);
        setFound({ request, contact, conversationId: conversation?.id ?? null });
      })();
    });
  }, [store, session]);

  const close = () => {
    setFound(null);
  };
  return (
    <>
      <Modal
        opened={found !== null}
        onClose={close}
        title={found === null ? '' : t('dialRequest.title', { number: found.request.number })}
      >
        {found !== null && (
          <Stack>
            <Text>
              {found.contact === null
                ? t('dialRequest.unknown')
                : t('dialRequest.known', { name: found.contact.name })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('dialRequest.why')}
            </Text>
            <Group justify="flex-end">
              {found.contact === null && (
                <Button
                  variant="default"
                  onClick={() => {
                    setAdding(found.request.number);
                    close();
                  }}
                >
                  {t('dialRequest.addContact')}
                </Button>
              )}
              <Button
                onClick={() => {
                  void dial(found.request.number);
                  close();
                }}
              >
                {t('dialRequest.call')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      {adding !== null && (
        <ContactFormDialog
          contact={null}
          initialPhone={adding}
          onClose={() => {
            setAdding(null);
          }}
        />
      )}
    </>
  );
}
