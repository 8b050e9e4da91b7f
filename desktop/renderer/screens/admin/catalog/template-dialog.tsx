import {
  Alert,
  Grid,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TemplateCategory } from '@atendo/shared/schemas/catalog';
import {
  LocalTemplateCreate,
  TemplateUpdate,
  type AdminTemplate,
} from '@atendo/shared/schemas/admin/catalog';
import type { AdminChannel } from '@atendo/shared/schemas/admin/channels';
import type { AdminTeam } from '@atendo/shared/schemas/admin/teams';
import { useApiAction } from '../../../data/use-api-action';
import { useWorkspace } from '../../../data/workspace-context';
import { DialogActions } from '../../../ui/dialog-actions';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from './form-errors';
import { TemplatePreview } from './template-preview';
import { TemplateStatusBadge } from './template-status';

const FIELDS = ['name', 'language', 'category', 'header', 'body', 'footer', 'teamIds'];

/**
 * A local template written whole here; a Meta template shown as Meta has it, where only the
 * teams allowed to use it can change (its text is edited in Meta, then synced).
 */
export function TemplateDialog(props: {
  channel: AdminChannel;
  teams: AdminTeam[];
  template: AdminTemplate | null;
  readOnly: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const save = useApiAction();
  const { template } = props;
  const fromMeta = template?.source === 'meta';
  const textLocked = props.readOnly || fromMeta;
  const [name, setName] = useState(template?.name ?? '');
  const [language, setLanguage] = useState(template?.language ?? 'pt_BR');
  const [category, setCategory] = useState<TemplateCategory>(template?.category ?? 'UTILITY');
  const [header, setHeader] = useState(template?.header ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [footer, setFooter] = useState(template?.footer ?? '');
  const [teamIds, setTeamIds] = useState<string[]>(template?.teamIds ?? []);
  const [samples, setSamples] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown = { ...serverFieldErrors(save.failure, save.failureText, FIELDS), ...errors };
  const orNull = (s: string) => (s.trim() === '' ? null : s);

  const submit = async () => {
    let call: () => Promise<unknown>;
    if (template === null) {
      const parsed = LocalTemplateCreate.safeParse({
        channelId: props.channel.id,
        teamIds,
        name,
        language,
        category,
        header: orNull(header),
        body,
        footer: orNull(footer),
      });
      if (!parsed.success) {
        setErrors(zodFieldErrors(t, parsed.error));
        return;
      }
      call = () => api.admin.templates.createLocal.mutate(parsed.data);
    } else {
      const parsed = TemplateUpdate.safeParse(
        fromMeta
          ? { templateId: template.id, teamIds }
          : {
              templateId: template.id,
              teamIds,
              header: orNull(header),
              body,
              footer: orNull(footer),
            },
      );
      if (!parsed.success) {
        setErrors(zodFieldErrors(t, parsed.error));
        return;
      }
      call = () => api.admin.templates.update.mutate(parsed.data);
    }
    setErrors({});
    if ((await save.run(call, t('adminCatalog.saved'))) !== null) props.onSaved();
  };

  const title =
    template === null
      ? t('adminCatalog.templates.newFor', { channel: props.channel.name })
      : template.name;

  return (
    <Modal opened onClose={props.onClose} size="xl" title={title}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            {template !== null && (
              <Group gap="xs">
                <TemplateStatusBadge status={template.status} />
                <Text size="xs" c="dimmed">
                  {fromMeta
                    ? t('adminCatalog.templates.fromMeta')
                    : t('adminCatalog.templates.local')}
                </Text>
              </Group>
            )}
            <TextInput
              label={t('adminCatalog.templates.name')}
              description={template === null ? t('adminCatalog.templates.nameHint') : undefined}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
              }}
              disabled={template !== null}
              error={shown.name}
              data-autofocus
            />
            <Group grow align="flex-start">
              <TextInput
                label={t('adminCatalog.templates.language')}
                value={language}
                onChange={(e) => {
                  setLanguage(e.currentTarget.value);
                }}
                disabled={template !== null}
                error={shown.language}
              />
              <Select
                label={t('adminCatalog.templates.category')}
                data={TemplateCategory.options.map((c) => ({
                  value: c,
                  label: t(`adminCatalog.templates.categories.${c}`),
                }))}
                value={category}
                onChange={(v) => {
                  setCategory(TemplateCategory.catch('UTILITY').parse(v));
                }}
                disabled={template !== null}
                allowDeselect={false}
              />
            </Group>
            <TextInput
              label={t('adminCatalog.templates.header')}
              value={header}
              onChange={(e) => {
                setHeader(e.currentTarget.value);
              }}
              disabled={textLocked}
              error={shown.header}
            />
            <Textarea
              label={t('adminCatalog.templates.body')}
              description={t('adminCatalog.templates.bodyHint')}
              autosize
              minRows={4}
              maxRows={10}
              value={body}
              onChange={(e) => {
                setBody(e.currentTarget.value);
              }}
              disabled={textLocked}
              error={shown.body}
            />
            <TextInput
              label={t('adminCatalog.templates.footer')}
              value={footer}
              onChange={(e) => {
                setFooter(e.currentTarget.value);
              }}
              disabled={textLocked}
              error={shown.footer}
            />
            <MultiSelect
              label={t('adminCatalog.templates.teams')}
              description={t('adminCatalog.templates.teamsHint')}
              data={props.teams
                .filter((x) => !x.archived || teamIds.includes(x.id))
                .map((x) => ({ value: x.id, label: x.name }))}
              value={teamIds}
              onChange={setTeamIds}
              disabled={props.readOnly}
              error={shown.teamIds}
              clearable
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Text size="sm" fw={500} mb={6}>
            {t('adminCatalog.templates.preview')}
          </Text>
          <TemplatePreview
            header={header}
            body={body}
            footer={footer}
            values={samples}
            onValues={setSamples}
          />
        </Grid.Col>
      </Grid>
      {shown.form !== undefined && (
        <Alert color="red" role="alert" mt="sm">
          {shown.form}
        </Alert>
      )}
      {!props.readOnly && (
        <Stack mt="md">
          <DialogActions
            confirmLabel={t('adminCatalog.save')}
            onConfirm={() => void submit()}
            onCancel={props.onClose}
            pending={save.pending}
          />
        </Stack>
      )}
    </Modal>
  );
}
