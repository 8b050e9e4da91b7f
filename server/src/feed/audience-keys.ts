import type { Template } from '@atendo/shared/schemas/catalog';

/*
 * Audience keys for documents outside conversations (see shared/src/sync/audience.ts):
 * the directory and contacts go to everyone signed in, catalogues to the teams that use them.
 */

export const EVERYONE = ['all'] as const;

export const teamKeys = (teamId: string): string[] => [`team:${teamId}`];

/** A template with no team list is shared with every team on its channel, so with everyone. */
export const templateKeys = (template: Pick<Template, 'teamIds'>): string[] =>
  template.teamIds.length === 0 ? ['all'] : template.teamIds.map((id) => `team:${id}`);
