import { Template, TemplateCategory } from '@atendo/shared/schemas/catalog';
import type { TemplateStatus } from '@atendo/shared/schemas/admin/catalog';
import type { GraphTemplate } from './graph-admin';

/** Meta's status words, and what each means for agents (only approved ones reach them). */
const STATUS: Record<string, TemplateStatus> = {
  APPROVED: 'approved',
  PENDING: 'pending',
  IN_APPEAL: 'pending',
  REJECTED: 'rejected',
  PAUSED: 'paused',
  LIMIT_EXCEEDED: 'paused',
  DISABLED: 'disabled',
  PENDING_DELETION: 'disabled',
  DELETED: 'disabled',
  ARCHIVED: 'disabled',
};

export const templateStatusOf = (status: string): TemplateStatus =>
  STATUS[status.toUpperCase()] ?? 'pending';

export type MappedTemplate = {
  externalId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  header: string | null;
  body: string;
  footer: string | null;
};

/**
 * What Atendo keeps of one of Meta's templates: the text of its header (media headers are not
 * shown), body and footer. Buttons are not stored; a template sent with them goes as Meta has
 * it. Null with the reason when it cannot be stored as a Template (no body, too long).
 */
export function mapGraphTemplate(
  t: GraphTemplate,
): { ok: true; template: MappedTemplate } | { ok: false; reason: string } {
  const part = (type: string) => t.components.find((c) => c.type.toUpperCase() === type);
  const header = part('HEADER');
  const headerText =
    header !== undefined && (header.format ?? 'TEXT').toUpperCase() === 'TEXT'
      ? (header.text ?? null)
      : null;
  const body = part('BODY')?.text;
  if (body === undefined || body === '') return { ok: false, reason: 'no body' };
  const category = TemplateCategory.safeParse(t.category.toUpperCase());
  const mapped: MappedTemplate = {
    externalId: t.id,
    name: t.name,
    language: t.language,
    category: category.success ? category.data : 'UTILITY',
    status: templateStatusOf(t.status),
    header: headerText,
    body,
    footer: part('FOOTER')?.text ?? null,
  };
  // The shared schema's limits (Meta's own): a template over them would fail every client.
  const check = Template.pick({
    name: true,
    language: true,
    header: true,
    body: true,
    footer: true,
  }).safeParse(mapped);
  if (!check.success) {
    return {
      ok: false,
      reason: check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  }
  return { ok: true, template: mapped };
}
