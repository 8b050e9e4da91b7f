import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataSubjectSummary } from '@atendo/shared/schemas/privacy';
import { useApiAction } from '../../data/use-api-action';
import { useWorkspace } from '../../data/workspace-context';
import { Icon } from '../../ui/icons';
import { EraseDialog } from './erase-dialog';
import { useExportContact } from './use-export-contact';

/** Find a contact, then export (zip) or erase their data. */
export function DataSubjectsPanel() {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const search = useApiAction();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<DataSubjectSummary[] | null>(null);
  const [erasing, setErasing] = useState<DataSubjectSummary | null>(null);

  const submit = async () => {
    const text = query.trim();
    if (text === '') return;
    const found = await search.run(() => api.privacy.findContacts.query({ query: text }));
    if (found !== null) setResults(found);
  };

  return (
    <Stack gap="md" maw={880}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('privacy.subjects.search')}
            placeholder={t('privacy.subjects.searchPlaceholder')}
            value={query}
            onChange={(event) => {
              setQuery(event.currentTarget.value);
            }}
            leftSection={<Icon name="search" size={16} />}
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={search.pending}>
            {t('privacy.subjects.submit')}
          </Button>
        </Group>
      </form>
      {search.failureText !== null && (
        <Alert color="red" role="alert">
          {search.failureText}
        </Alert>
      )}
      {results === null ? (
        <Text c="dimmed" size="sm">
          {t('privacy.subjects.hint')}
        </Text>
      ) : results.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('privacy.subjects.empty')}
        </Text>
      ) : (
        <Stack gap="sm" role="list" aria-label={t('privacy.subjects.results')}>
          {results.map((subject) => (
            <SubjectRow
              key={subject.contactId}
              subject={subject}
              onErase={() => {
                setErasing(subject);
              }}
            />
          ))}
        </Stack>
      )}
      {erasing !== null && (
        <EraseDialog
          subject={erasing}
          onClose={() => {
            setErasing(null);
          }}
          onErased={(contactId) => {
            setErasing(null);
            setResults((list) => list?.filter((s) => s.contactId !== contactId) ?? null);
          }}
        />
      )}
    </Stack>
  );
}

function SubjectRow(props: { subject: DataSubjectSummary; onErase: () => void }) {
  const { t } = useTranslation();
  const { subject } = props;
  const exporter = useExportContact();
  const details = [...subject.phones, ...subject.emails].join(' · ');
  return (
    <Paper withBorder p="sm" role="listitem" aria-label={subject.name} data-testid="data-subject">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{subject.name}</Text>
          {details !== '' && (
            <Text size="sm" c="dimmed">
              {details}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('privacy.subjects.counts', {
              conversations: subject.conversations,
              open: subject.openConversations,
              messages: subject.messages,
              files: subject.files,
            })}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="light"
            leftSection={<Icon name="file" size={16} />}
            aria-label={t('privacy.subjects.exportOf', { name: subject.name })}
            loading={exporter.pending}
            onClick={() => void exporter.run(subject)}
          >
            {t('privacy.subjects.export')}
          </Button>
          <Button
            color="red"
            variant="light"
            aria-label={t('privacy.subjects.eraseOf', { name: subject.name })}
            onClick={props.onErase}
          >
            {t('privacy.subjects.erase')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
