import { Button, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesContact, type ServerSearch } from '../../data/contact-search';
import { useContacts } from '../../data/use-collections';
import { useServerContactSearch } from '../../data/use-contact-search';
import { useWorkspace } from '../../data/workspace-context';
import { Icon } from '../../ui/icons';
import { ContactFormDialog } from '../contact/contact-form-dialog';

type Listed = { id: string; name: string; phones: readonly string[]; emails: readonly string[] };

const label = (c: Listed) => [c.name, c.phones[0], c.emails[0]].filter(Boolean).join(' · ');

/** What the list says when it has nothing to show, by where the search stands. */
function emptyText(server: ServerSearch, t: (key: string) => string): string {
  switch (server.status) {
    case 'searching':
      return t('start.searchingServer');
    case 'offline':
      return t('start.offlineLocalOnly');
    case 'failed':
      return t('start.serverSearchFailed');
    default:
      return t('start.noContact');
  }
}

/**
 * Search the contacts by name, phone or email, or add a new one. The local store answers
 * first; when it has no match the server is asked (debounced), and a contact picked from its
 * answer is kept locally so the rest of the start flow reads it like any other.
 */
export function ContactPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const { store } = useWorkspace();
  const contacts = useContacts();
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState('');
  const local = [...contacts.values()].filter((c) => matchesContact(c, search));
  const server = useServerContactSearch(search, local.length);
  const remote =
    server.status === 'found' ? server.contacts.filter((c) => !contacts.has(c.id)) : [];
  const data = [
    ...local
      .map((c) => ({ value: c.id, label: label(c) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    ...remote.map((c) => ({ value: c.id, label: `${label(c)} (${t('start.fromServer')})` })),
  ];
  const pick = (id: string | null) => {
    const found = remote.find((c) => c.id === id);
    if (found !== undefined) void store.rememberContacts([found]);
    onChange(id);
  };
  return (
    <Group align="flex-end" wrap="nowrap">
      <Select
        style={{ flex: 1 }}
        label={t('start.contact')}
        placeholder={t('start.searchContact')}
        data={data}
        value={value}
        onChange={pick}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        // Already filtered above, server matches included (they may match by phone digits).
        filter={({ options }) => options}
        nothingFoundMessage={emptyText(server, t)}
        limit={50}
      />
      <Button
        variant="light"
        leftSection={<Icon name="plus" size={14} />}
        onClick={() => {
          setAdding(true);
        }}
      >
        {t('start.addContact')}
      </Button>
      {server.status === 'offline' && local.length > 0 && (
        <Text size="xs" c="dimmed" role="status">
          {t('start.offlineLocalOnly')}
        </Text>
      )}
      {adding && (
        <ContactFormDialog
          contact={null}
          initialName={search}
          onClose={() => {
            setAdding(false);
          }}
          onSaved={(id) => {
            onChange(id);
          }}
        />
      )}
    </Group>
  );
}
