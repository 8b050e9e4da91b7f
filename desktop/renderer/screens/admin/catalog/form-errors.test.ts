import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { QuickReplyCreate, TagCreate } from '@atendo/shared/schemas/admin/catalog';
import { serverFieldErrors, zodFieldErrors } from './form-errors';

// The keys stand in for the sentences: what matters is which sentence each field gets.
const t = ((key: string, values?: Record<string, unknown>) =>
  values === undefined ? key : `${key} ${JSON.stringify(values)}`) as unknown as TFunction;

describe('catalogue form errors', () => {
  it("says the shared schema's verdict per field, with the format rule's own sentence", () => {
    const tag = TagCreate.safeParse({ teamId: 'team-1', name: '  ', color: 'green' });
    expect(tag.success).toBe(false);
    if (tag.success) return;
    expect(zodFieldErrors(t, tag.error)).toEqual({
      name: 'adminCatalog.field.required',
      color: 'adminCatalog.field.color',
    });
    const reply = QuickReplyCreate.safeParse({
      teamId: 'team-1',
      shortcut: 'Boas Vindas',
      text: 'x',
    });
    expect(reply.success).toBe(false);
    if (reply.success) return;
    expect(zodFieldErrors(t, reply.error)).toEqual({ shortcut: 'adminCatalog.field.shortcut' });
  });

  it("puts the server's refusal under the field it names, else on the form", () => {
    const failure = {
      kind: 'atendo' as const,
      code: 'already-exists' as const,
      details: { field: 'name' },
      message: '',
    };
    expect(serverFieldErrors(failure, 'Já existe', ['name', 'color'])).toEqual({
      name: 'Já existe',
    });
    expect(serverFieldErrors(failure, 'Já existe', ['shortcut'])).toEqual({ form: 'Já existe' });
    expect(serverFieldErrors({ kind: 'network', message: '' }, 'Sem conexão', ['name'])).toEqual({
      form: 'Sem conexão',
    });
    expect(serverFieldErrors(null, null, ['name'])).toEqual({});
  });
});
