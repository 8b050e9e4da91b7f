import { describe, expect, it } from 'vitest';
import { accessLogFilter, csvQuery, EMPTY_FORM } from './access-log-filter';

describe('accessLogFilter', () => {
  it('sends nothing for an empty form', () => {
    expect(accessLogFilter(EMPTY_FORM)).toEqual({
      agentId: null,
      contactId: null,
      conversationId: null,
      outcome: null,
      action: null,
      from: null,
      to: null,
    });
  });

  it('turns days into local midnights, the last day included', () => {
    const filter = accessLogFilter({ ...EMPTY_FORM, fromDate: '2026-03-01', toDate: '2026-03-31' });
    expect(filter.from).toBe(new Date(2026, 2, 1).getTime());
    expect(filter.to).toBe(new Date(2026, 3, 1).getTime());
  });

  it.each(['', '2026-3-1', 'ontem'])('ignores the day %o', (day) => {
    expect(accessLogFilter({ ...EMPTY_FORM, fromDate: day, toDate: day })).toMatchObject({
      from: null,
      to: null,
    });
  });

  it('trims ids and leaves empty ones out', () => {
    const filter = accessLogFilter({
      ...EMPTY_FORM,
      contactId: '  contact-maria ',
      conversationId: ' ',
    });
    expect(filter).toMatchObject({ contactId: 'contact-maria', conversationId: null });
  });
});

describe('csvQuery', () => {
  it('carries only the filters that are set', () => {
    const filter = accessLogFilter({ ...EMPTY_FORM, agentId: 'agent-ana', outcome: 'refused' });
    expect(csvQuery(filter)).toBe('agentId=agent-ana&outcome=refused');
  });
});
