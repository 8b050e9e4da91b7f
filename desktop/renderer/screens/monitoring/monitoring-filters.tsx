import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { clearButtonProps } from '../../ui/clear-button';
import type { MonitoringFilter } from '../../data/monitoring-filter';
import type { Directory } from '../../data/use-directory';

const STATES = ['bot', 'queued', 'active', 'awaiting_csat'] as const;
const WAITING_MINUTES = [1, 5, 15, 30, 60];

export type MonitoringFiltersProps = {
  filter: MonitoringFilter;
  directory: Directory;
  onChange: (filter: MonitoringFilter) => void;
};

export function MonitoringFilters({ filter, directory, onChange }: MonitoringFiltersProps) {
  const { t } = useTranslation();
  const options = <T extends { id: string; name: string }>(items: Iterable<T>) =>
    [...items]
      .map((i) => ({ value: i.id, label: i.name }))
      .sort((a, b) => a.label.localeCompare(b.label));
  const set = (patch: Partial<MonitoringFilter>) => {
    onChange({ ...filter, ...patch });
  };
  return (
    <Group gap="sm" wrap="wrap">
      <Select
        label={t('monitoring.team')}
        placeholder={t('monitoring.any')}
        data={options(directory.teams.values())}
        value={filter.teamId}
        onChange={(v) => {
          set({ teamId: v });
        }}
        clearable
        clearButtonProps={clearButtonProps(
          t('monitoring.clearFilter', { name: t('monitoring.team') }),
        )}
        w={180}
      />
      <Select
        label={t('monitoring.agent')}
        placeholder={t('monitoring.any')}
        data={options(directory.agents.values())}
        value={filter.agentId}
        onChange={(v) => {
          set({ agentId: v });
        }}
        clearable
        clearButtonProps={clearButtonProps(
          t('monitoring.clearFilter', { name: t('monitoring.agent') }),
        )}
        searchable
        w={200}
      />
      <Select
        label={t('monitoring.state')}
        placeholder={t('monitoring.any')}
        data={STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
        value={filter.state}
        onChange={(v) => {
          set({ state: STATES.find((s) => s === v) ?? null });
        }}
        clearable
        clearButtonProps={clearButtonProps(
          t('monitoring.clearFilter', { name: t('monitoring.state') }),
        )}
        w={190}
      />
      <Select
        label={t('monitoring.channel')}
        placeholder={t('monitoring.any')}
        data={options(directory.channels.values())}
        value={filter.channelId}
        onChange={(v) => {
          set({ channelId: v });
        }}
        clearable
        clearButtonProps={clearButtonProps(
          t('monitoring.clearFilter', { name: t('monitoring.channel') }),
        )}
        w={200}
      />
      <Select
        label={t('monitoring.waitingOver')}
        placeholder={t('monitoring.any')}
        data={WAITING_MINUTES.map((m) => ({
          value: String(m),
          label: t('monitoring.minutes', { count: m }),
        }))}
        value={filter.minWaitingMs === null ? null : String(filter.minWaitingMs / 60_000)}
        onChange={(v) => {
          set({ minWaitingMs: v === null ? null : Number(v) * 60_000 });
        }}
        clearable
        clearButtonProps={clearButtonProps(
          t('monitoring.clearFilter', { name: t('monitoring.waitingOver') }),
        )}
        w={170}
      />
    </Group>
  );
}
