import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { TeamCreate } from '@atendo/shared/schemas/admin/teams';
import { AgentInvite } from '@atendo/shared/schemas/admin/agents';
import { ChannelCreate } from '@atendo/shared/schemas/admin/channels';
import { errorAt, validate } from './form-errors';

// The key and its values are enough to tell which sentence the admin would read.
const t = ((key: string, values?: Record<string, unknown>) =>
  values === undefined ? key : `${key} ${JSON.stringify(values)}`) as unknown as TFunction;

describe('admin form validation', () => {
  it('names each wrong field of an invite with a sentence, the first issue per field', () => {
    const checked = validate(t, AgentInvite, {
      email: 'not-an-email',
      name: '   ',
      role: 'agent',
      teamIds: [],
      capacity: 0,
      permissions: [],
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      email: 'adminPeople.validation.email',
      name: 'adminPeople.validation.required',
      capacity: 'adminPeople.validation.tooSmall {"min":1}',
    });
  });

  it('uses an override for a list item by its pattern, and errorAt finds it under the list', () => {
    const checked = validate(
      t,
      ChannelCreate,
      {
        kind: 'webchat',
        name: 'Site',
        defaultTeamId: 'team-1',
        key: 'site',
        webchat: {
          allowedOrigins: ['https://ok.example', 'ftp://bad'],
          colors: { primary: '#112233', text: '#ffffff' },
          greeting: '',
          preChatFields: [],
          language: 'pt-BR',
        },
      },
      { 'webchat.allowedOrigins.*': 'origin hint' },
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({ 'webchat.allowedOrigins.1': 'origin hint' });
    expect(errorAt(checked.errors, 'webchat.allowedOrigins')).toBe('origin hint');
    expect(errorAt(checked.errors, 'webchat')).toBe('origin hint');
    expect(errorAt(checked.errors, 'name')).toBeUndefined();
  });

  it('answers the parsed value (defaults filled in) when the form is valid', () => {
    const checked = validate(t, TeamCreate, {
      name: 'Vendas',
      settings: { dispositionRequired: true, csatEnabled: false, csatTimeoutMs: 600_000 },
    });
    expect(checked).toEqual({
      ok: true,
      data: {
        name: 'Vendas',
        settings: { dispositionRequired: true, csatEnabled: false, csatTimeoutMs: 600_000 },
        memberIds: [],
        defaultTemplateIds: [],
      },
    });
  });
});
