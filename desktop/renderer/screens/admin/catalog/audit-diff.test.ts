import { describe, expect, it } from 'vitest';
import { auditChanges, auditFilters, EMPTY_AUDIT_FORM } from './audit-diff';

describe('audit changes', () => {
  it('lists only the values that differ, by dotted path', () => {
    const before = { name: 'Vendas', settings: { csatEnabled: false, csatTimeoutMs: 60000 } };
    const after = { name: 'Vendas', settings: { csatEnabled: true, csatTimeoutMs: 60000 } };
    expect(auditChanges(before, after)).toEqual([
      { path: 'settings.csatEnabled', before: 'false', after: 'true' },
    ]);
  });

  it('shows a creation as values with no before', () => {
    expect(auditChanges(null, { name: 'VIP', color: '#2f9e44' })).toEqual([
      { path: 'color', before: null, after: '#2f9e44' },
      { path: 'name', before: null, after: 'VIP' },
    ]);
  });

  it('never shows a secret, but shows whether it is set', () => {
    const changes = auditChanges(
      { secrets: { accessToken: 'not-set' }, verifyToken: 'abc' },
      { secrets: { accessToken: 'set' }, verifyToken: '[redacted]', phoneNumberId: '123' },
    );
    expect(changes).toContainEqual({
      path: 'secrets.accessToken',
      before: 'not-set',
      after: 'set',
    });
    expect(JSON.stringify(changes)).not.toContain('abc');
    expect(changes).toContainEqual({ path: 'phoneNumberId', before: null, after: '123' });
  });

  it('builds the server filter with the whole last day', () => {
    const filters = auditFilters({
      ...EMPTY_AUDIT_FORM,
      entityId: ' tag-1 ',
      fromDate: '2026-03-01',
      toDate: '2026-03-01',
    });
    expect(filters.entityId).toBe('tag-1');
    expect((filters.to ?? 0) - (filters.from ?? 0)).toBe(86_400_000);
  });
});
