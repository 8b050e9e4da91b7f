import { accessLogFilter, EMPTY_FORM } from '../../privacy/access-log-filter';
import type { AuditFilters } from '@atendo/shared/schemas/admin/audit';
import type { AuditEntityType } from '@atendo/shared/schemas/admin/common';

/** One changed value of an audited entity, by its dotted path ("settings.csatEnabled"). */
export type AuditChange = { path: string; before: string | null; after: string | null };

/** Keys whose values are never shown, even if a value slipped past the server's redaction. */
const SECRET = /(token|secret|password|hash)$/i;
const SHOWN_STATES = new Set(['set', 'not-set', 'env']);
const REDACTED = '••••••';

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix !== '') out.set(prefix, '{}');
    for (const [key, inner] of entries)
      flatten(inner, prefix === '' ? key : `${prefix}.${key}`, out);
    return;
  }
  if (prefix === '') return;
  const last = prefix.split('.').pop() ?? '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const secret =
    (SECRET.test(last) || prefix.startsWith('secrets.')) &&
    !(typeof value === 'string' && SHOWN_STATES.has(value)) &&
    !last.endsWith('Id');
  out.set(prefix, secret || value === '[redacted]' ? REDACTED : text);
}

/**
 * What an audit row changed: every path whose value differs between before and after (a
 * creation has no before, an archive often one field). Arrays compare whole.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .map((path) => ({ path, before: a.get(path) ?? null, after: b.get(path) ?? null }))
    .filter((c) => c.before !== c.after);
}

/** What the admin typed in the audit log's filters; dates are the inputs' YYYY-MM-DD. */
export type AuditForm = {
  actorId: string | null;
  entityType: AuditEntityType | null;
  entityId: string;
  fromDate: string;
  toDate: string;
};

export const EMPTY_AUDIT_FORM: AuditForm = {
  actorId: null,
  entityType: null,
  entityId: '',
  fromDate: '',
  toDate: '',
};

/** The server's filter; "to" includes its whole day, as in the access log. */
export function auditFilters(form: AuditForm): Required<AuditFilters> {
  const { from, to } = accessLogFilter({
    ...EMPTY_FORM,
    fromDate: form.fromDate,
    toDate: form.toDate,
  });
  return {
    actorId: form.actorId,
    entityType: form.entityType,
    entityId: form.entityId.trim() === '' ? null : form.entityId.trim(),
    from,
    to,
  };
}
