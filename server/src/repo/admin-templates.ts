import type { AdminTemplate } from '@atendo/shared/schemas/admin/catalog';
import { TemplateStatus } from '@atendo/shared/schemas/admin/catalog';
import type { TemplateRow } from '../db/schema';
import { templateFromRow } from './catalog';

export const adminTemplateFromRow = (row: TemplateRow): AdminTemplate => ({
  ...templateFromRow(row),
  status: TemplateStatus.parse(row.status),
  source: row.source === 'meta' ? 'meta' : 'local',
  archived: row.archived_at !== null,
});

/** Agents receive a template only while it is approved and not archived. */
export const reachesAgents = (t: Pick<AdminTemplate, 'status' | 'archived'>): boolean =>
  t.status === 'approved' && !t.archived;
