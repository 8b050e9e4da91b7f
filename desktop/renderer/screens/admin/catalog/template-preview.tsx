import { Mark, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { previewTemplate, type PreviewSegment } from '@atendo/shared/rules/template-preview';

/**
 * How the template reads, parameters highlighted: with sample values typed in, or as
 * `{{name}}` until then.
 */
export function TemplatePreview(props: {
  header: string | null;
  body: string;
  footer: string | null;
  values: Record<string, string>;
  onValues: (values: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const preview = previewTemplate(
    {
      header: props.header === '' ? null : props.header,
      body: props.body,
      footer: props.footer === '' ? null : props.footer,
    },
    props.values,
  );
  return (
    <Stack gap="xs">
      <Paper
        withBorder
        p="sm"
        radius="md"
        bg="var(--mantine-color-default-hover)"
        data-testid="template-preview"
      >
        {preview.header !== null && (
          <Text fw={600} size="sm" mb={4}>
            <Segments segments={preview.header} />
          </Text>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {props.body.trim() === '' ? '—' : <Segments segments={preview.body} />}
        </Text>
        {preview.footer !== null && (
          <Text size="xs" c="dimmed" mt={4}>
            <Segments segments={preview.footer} />
          </Text>
        )}
      </Paper>
      {preview.parameters.length > 0 && (
        <>
          <Text size="xs" c="dimmed">
            {t('adminCatalog.templates.parameters', { count: preview.parameters.length })}
          </Text>
          {preview.parameters.map((name) => (
            <TextInput
              key={name}
              size="xs"
              label={t('adminCatalog.templates.sampleFor', { name })}
              value={props.values[name] ?? ''}
              onChange={(e) => {
                props.onValues({ ...props.values, [name]: e.currentTarget.value });
              }}
            />
          ))}
        </>
      )}
    </Stack>
  );
}

function Segments({ segments }: { segments: readonly PreviewSegment[] }) {
  return segments.map((s, i) =>
    s.kind === 'text' ? (
      <span key={i}>{s.text}</span>
    ) : (
      <Mark key={i} color={s.value === null ? 'yellow' : 'blue'} px={2}>
        {s.value ?? `{{${s.name}}}`}
      </Mark>
    ),
  );
}
