import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContacts } from '../../data/use-collections';
import { Icon } from '../../ui/icons';
import { ContactFormDialog } from '../contact/contact-form-dialog';

/** Search the contacts in the local store by name, phone or email, or add a new one. */
export function ContactPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const contacts = useContacts();
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState('');
  const data = [...contacts.values()]
    .map((c) => ({
      value: c.id,
      label: [c.name, c.phones[0], c.emails[0]].filter(Boolean).join(' · '),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Group align="flex-end" wrap="nowrap">
      <Select
        style={{ flex: 1 }}
        label={t('start.contact')}
        placeholder={t('start.searchContact')}
        data={data}
        value={value}
        onChange={onChange}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        nothingFoundMessage={t('start.noContact')}
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
