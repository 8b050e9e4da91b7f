import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemplateStatus } from '@atendo/shared/schemas/admin/catalog';

const COLORS: Record<TemplateStatus, string> = {
  approved: 'green',
  pending: 'yellow',
  rejected: 'red',
  paused: 'orange',
  disabled: 'gray',
};

/** Meta's review status; only "Aprovado" reaches the agents' template picker. */
export function TemplateStatusBadge({ status }: { status: TemplateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size="sm">
      {t(`adminCatalog.templates.status.${status}`)}
    </Badge>
  );
}
