import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditFilters } from '@atendo/shared/schemas/admin/audit';
import { AuditEntityType } from '@atendo/shared/schemas/admin/common';
import { useApiAction } from '../../../data/use-api-action';
import { useApiQuery } from '../../../data/use-api-query';
import { useWorkspace } from '../../../data/workspace-context';
import { useNotify } from '../../../ui/notices';
import { auditFilters, EMPTY_AUDIT_FORM, type AuditForm } from './audit-diff';
import { AuditTable } from './audit-table';
import { useCanEdit } from './common';

const PAGE = 50;

/** The tRPC client's view of a row: `unknown` fields arrive optional. */
type AuditRow = Omit<AuditEntry, 'before' | 'after'> & { before?: unknown; after?: unknown };

/** "Auditoria": every administrative change, newest first, filtered, paged and exported. */
export function AuditSection() {
  const { t } = useTranslation();
  const canRead = useCanEdit();
  return (
    <Stack gap="md" component="section" aria-label={t('adminCatalog.audit.title')}>
      {canRead ? <AuditLog /> : <Text c="dimmed">{t('adminCatalog.audit.adminsOnly')}</Text>}
    </Stack>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const notify = useNotify();
  const load = useApiAction();
  const exporting = useApiAction();
  const [form, setForm] = useState<AuditForm>(EMPTY_AUDIT_FORM);
  const [filters, setFilters] = useState<Required<AuditFilters>>(auditFilters(EMPTY_AUDIT_FORM));
  const [entries, setEntries] = useState<AuditRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const directory = useApiQuery(
    () =>
      Promise.all([
        api.admin.agents.list.query(),
        api.admin.teams.list.query({ includeArchived: true }),
        api.admin.channels.list.query({ includeArchived: true }),
      ]),
    [api],
  );
  const names = new Map<string, string>(
    directory.status === 'ok' ? directory.data.flat().map((x) => [x.id, x.name]) : [],
  );

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      const page = await load.run(() =>
        api.admin.audit.list.query({ ...filters, cursor, limit: PAGE }),
      );
      if (page === null) return;
      setEntries((list) => (cursor === null ? page.entries : [...list, ...page.entries]));
      setNext(page.nextCursor);
    },
    // `load` is rebuilt every render (its setters are stable): the page depends on the filter.
    [api, filters],
  );
  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);

  const exportCsv = async () => {
    const result = await exporting.run(() => api.admin.audit.exportCsv.query(filters));
    if (result === null) {
      return;
    }
    const url = URL.createObjectURL(new Blob([result.csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = result.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 60_000);
    notify({
      tone: result.truncated ? 'info' : 'success',
      title: t('adminCatalog.audit.exported', { count: result.rows }),
      text: result.truncated ? t('adminCatalog.audit.truncated') : '',
    });
  };

  return (
    <Stack gap="sm">
      <Filters
        form={form}
        onChange={setForm}
        onApply={() => {
          setFilters(auditFilters(form));
        }}
        onExport={() => void exportCsv()}
        exporting={exporting.pending}
      />
      {(load.failureText ?? exporting.failureText) !== null && (
        <Alert color="red" role="alert">
          {load.failureText ?? exporting.failureText}
        </Alert>
      )}
      {entries.length === 0 && !load.pending ? (
        <Text c="dimmed" ta="center" p="lg">
          {t('adminCatalog.audit.empty')}
        </Text>
      ) : (
        <AuditTable entries={entries} names={names} />
      )}
      {next !== null && (
        <Group justify="center">
          <Button variant="default" loading={load.pending} onClick={() => void fetchPage(next)}>
            {t('adminCatalog.audit.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Filters(props: {
  form: AuditForm;
  onChange: (form: AuditForm) => void;
  onApply: () => void;
  onExport: () => void;
  exporting: boolean;
}) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const agents = useApiQuery(() => api.admin.agents.list.query(), [api]);
  const people =
    agents.status === 'ok'
      ? agents.data
          .map((a) => ({ value: a.id, label: a.name }))
          .sort((a, b) => a.label.localeCompare(b.label, 'pt-BR'))
      : [];
  const { form } = props;
  const set = (patch: Partial<AuditForm>) => {
    props.onChange({ ...form, ...patch });
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        props.onApply();
      }}
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('adminCatalog.audit.who')}
          placeholder={t('adminCatalog.audit.any')}
          data={people}
          value={form.actorId}
          onChange={(actorId) => {
            set({ actorId });
          }}
          clearable
          searchable
          w={200}
        />
        <Select
          label={t('adminCatalog.audit.what')}
          placeholder={t('adminCatalog.audit.any')}
          data={AuditEntityType.options.map((value) => ({
            value,
            label: t(`adminCatalog.audit.entity.${value}`),
          }))}
          value={form.entityType}
          onChange={(value) => {
            set({ entityType: AuditEntityType.nullable().catch(null).parse(value) });
          }}
          clearable
          w={170}
        />
        <TextInput
          label={t('adminCatalog.audit.entityId')}
          value={form.entityId}
          onChange={(e) => {
            set({ entityId: e.currentTarget.value });
          }}
          w={170}
        />
        <TextInput
          type="date"
          label={t('adminCatalog.audit.from')}
          value={form.fromDate}
          onChange={(e) => {
            set({ fromDate: e.currentTarget.value });
          }}
          w={150}
        />
        <TextInput
          type="date"
          label={t('adminCatalog.audit.to')}
          value={form.toDate}
          onChange={(e) => {
            set({ toDate: e.currentTarget.value });
          }}
          w={150}
        />
        <Button type="submit">{t('adminCatalog.audit.apply')}</Button>
        <Button variant="light" loading={props.exporting} onClick={props.onExport}>
          {t('adminCatalog.audit.exportCsv')}
        </Button>
      </Group>
    </form>
  );
}
