import type { AccessLogFilter, AccessOutcome } from '@atendo/shared/schemas/privacy';

/** What the admin typed in the access log's filters; dates are the inputs' YYYY-MM-DD. */
export type AccessLogForm = {
  agentId: string | null;
  contactId: string;
  conversationId: string;
  outcome: AccessOutcome | null;
  fromDate: string;
  toDate: string;
};

export const EMPTY_FORM: AccessLogForm = {
  agentId: null,
  contactId: '',
  conversationId: '',
  outcome: null,
  fromDate: '',
  toDate: '',
};

const DAY_MS = 86_400_000;

/** Local midnight of a YYYY-MM-DD day, or null for an empty or malformed one. */
function localMidnight(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return null;
  const [, y, m, d] = match;
  const at = new Date(Number(y), Number(m) - 1, Number(d)).getTime();
  return Number.isNaN(at) ? null : at;
}

/** The server's filter: "to" includes its whole day, so it ends at the next midnight. */
export function accessLogFilter(form: AccessLogForm): AccessLogFilter {
  const to = localMidnight(form.toDate);
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    agentId: form.agentId,
    contactId: text(form.contactId),
    conversationId: text(form.conversationId),
    outcome: form.outcome,
    action: null,
    from: localMidnight(form.fromDate),
    // Adding a day's milliseconds crosses a daylight-saving change by an hour: re-derive it.
    to: to === null ? null : (localMidnight(nextDay(form.toDate)) ?? to + DAY_MS),
  };
}

function nextDay(day: string): string {
  const at = localMidnight(day);
  if (at === null) return '';
  const next = new Date(at);
  next.setDate(next.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}`;
}

/** The same filter as the CSV route's query string. */
export function csvQuery(filter: AccessLogFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== null) params.set(key, String(value));
  }
  return params.toString();
}
