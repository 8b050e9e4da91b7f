import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AccessLogEntry,
  AccessLogFilter,
  AccessLogPage,
} from '@atendo/shared/schemas/privacy';
import { useApiAction } from '../../data/use-api-action';
import { useDirectory } from '../../data/use-directory';
import { useWorkspace } from '../../data/workspace-context';
import { useNotify } from '../../ui/notices';
import { accessLogFilter, csvQuery, EMPTY_FORM, type AccessLogForm } from './access-log-filter';
import { AccessLogTable } from './access-log-table';
import { downloadFile, serverBase } from './download';

const PAGE = 50;

/** The access log, newest first, with filters, paging and the CSV export of the same filter. */
export function AccessLogPanel() {
  const { t } = useTranslation();
  const { api, session } = useWorkspace();
  const notify = useNotify();
  const load = useApiAction();
  const [form, setForm] = useState<AccessLogForm>(EMPTY_FORM);
  const [filter, setFilter] = useState<AccessLogFilter>(accessLogFilter(EMPTY_FORM));
  const [entries, setEntries] = useState<AccessLogEntry[]>([]);
  const [next, setNext] = useState<AccessLogPage['nextBefore']>(null);

  const fetchPage = useCallback(
    async (before: AccessLogPage['nextBefore'], append: boolean) => {
      const page = await load.run(() =>
        api.privacy.accessLog.query({ filter, before, limit: PAGE }),
      );
      if (page === null) return;
      setEntries((list) => (append ? [...list, ...page.entries] : page.entries));
      setNext(page.nextBefore);
    },
    // `load` is rebuilt every render (its setters are stable): the page depends on the filter.
    [api, filter],
  );
  useEffect(() => {
    void fetchPage(null, false);
  }, [fetchPage]);

  const exportCsv = async () => {
    const result = await downloadFile({
      url: `${serverBase(session.serverUrl)}/api/privacy/access-log.csv?${csvQuery(filter)}`,
      token: session.token,
      fallbackName: 'atendo-registro-de-acessos.csv',
    });
    if (!result.ok) {
      notify({
        tone: 'error',
        title: t('privacy.log.exportFailed'),
        text: load.describe(result.failure),
      });
    }
  };

  return (
    <Stack gap="sm" h="100%">
      <Text size="sm" c="dimmed">
        {t('privacy.log.intro')}
      </Text>
      <Filters
        form={form}
        onChange={setForm}
        onApply={() => {
          setFilter(accessLogFilter(form));
        }}
        onExport={() => void exportCsv()}
      />
      {load.failureText !== null && (
        <Alert color="red" role="alert">
          {load.failureText}
        </Alert>
      )}
      {entries.length === 0 && !load.pending ? (
        <Text c="dimmed" ta="center" p="lg">
          {t('privacy.log.empty')}
        </Text>
      ) : (
        <AccessLogTable entries={entries} />
      )}
      {next !== null && (
        <Group justify="center">
          <Button
            variant="default"
            loading={load.pending}
            onClick={() => void fetchPage(next, true)}
          >
            {t('privacy.log.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

type FiltersProps = {
  form: AccessLogForm;
  onChange: (form: AccessLogForm) => void;
  onApply: () => void;
  onExport: () => void;
};

function Filters({ form, onChange, onApply, onExport }: FiltersProps) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const agents = [...directory.agents.values()]
    .map((a) => ({ value: a.id, label: a.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const set = (patch: Partial<AccessLogForm>) => {
    onChange({ ...form, ...patch });
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('privacy.log.agent')}
          placeholder={t('privacy.log.any')}
          data={agents}
          value={form.agentId}
          onChange={(agentId) => {
            set({ agentId });
          }}
          clearable
          searchable
          w={190}
        />
        <TextInput
          label={t('privacy.log.contact')}
          value={form.contactId}
          onChange={(e) => {
            set({ contactId: e.currentTarget.value });
          }}
          w={170}
        />
        <TextInput
          label={t('privacy.log.conversation')}
          value={form.conversationId}
          onChange={(e) => {
            set({ conversationId: e.currentTarget.value });
          }}
          w={170}
        />
        <Select
          label={t('privacy.log.outcome')}
          placeholder={t('privacy.log.any')}
          data={[
            { value: 'allowed', label: t('privacy.log.allowed') },
            { value: 'refused', label: t('privacy.log.refused') },
          ]}
          value={form.outcome}
          onChange={(value) => {
            set({ outcome: value === 'allowed' || value === 'refused' ? value : null });
          }}
          clearable
          w={140}
        />
        <TextInput
          type="date"
          label={t('privacy.log.from')}
          value={form.fromDate}
          onChange={(e) => {
            set({ fromDate: e.currentTarget.value });
          }}
          w={150}
        />
        <TextInput
          type="date"
          label={t('privacy.log.to')}
          value={form.toDate}
          onChange={(e) => {
            set({ toDate: e.currentTarget.value });
          }}
          w={150}
        />
        <Button type="submit">{t('privacy.log.apply')}</Button>
        <Button variant="light" onClick={onExport}>
          {t('privacy.log.exportCsv')}
        </Button>
      </Group>
    </form>
  );
}
