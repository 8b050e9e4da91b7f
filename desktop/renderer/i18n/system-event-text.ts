import type { TFunction } from 'i18next';
import type { SystemEvent } from '@atendo/shared/schemas/message';

/** How ids become names for the timeline; unknown ids fall back to a neutral word. */
export type NameLookup = {
  agent: (id: string | null) => string;
  /** The name, with the role when the agent supervises ("Carla Mendes (supervisão)"). */
  actor: (id: string | null) => string;
  team: (id: string) => string;
  tag: (id: string) => string;
  disposition: (id: string) => string;
};

/** A system line of the timeline in the reader's language (the server stores only the event). */
export function systemEventText(t: TFunction, event: SystemEvent, names: NameLookup): string {
  switch (event.type) {
    case 'started':
      return event.agentId === null
        ? t('system.started')
        : t('system.startedBy', { agent: names.agent(event.agentId) });
    case 'queued':
      return t('system.queued', { team: names.team(event.teamId) });
    case 'taken':
      return t('system.taken', { agent: names.agent(event.agentId) });
    case 'transferred': {
      const target =
        event.toAgentId === null
          ? names.team(event.toTeamId)
          : `${names.agent(event.toAgentId)} (${names.team(event.toTeamId)})`;
      const hasNote = event.note !== null && event.note !== '';
      const by = event.byAgentId ?? null;
      if (by === null) {
        return hasNote
          ? t('system.transferredNote', { target, note: event.note })
          : t('system.transferred', { target });
      }
      // Someone other than the agent it came from moved it: the line names them.
      const note = hasNote ? t('supervise.system.note', { note: event.note }) : '';
      if (event.fromAgentId !== null && event.fromAgentId !== by) {
        const from = names.agent(event.fromAgentId);
        const key = event.toAgentId === null ? 'transferredFrom' : 'reassignedFrom';
        return t(`supervise.system.${key}`, { by: names.actor(by), from, target }) + note;
      }
      return t('supervise.system.transferredBy', { by: names.actor(by), target }) + note;
    }
    case 'sent-back-to-queue':
      return t('system.sentBackToQueue', {
        agent: names.actor(event.byAgentId),
        team: names.team(event.teamId),
      });
    case 'participant-joined':
      return t('supervise.system.participantJoined', { agent: names.actor(event.agentId) });
    case 'participant-invited':
      return t('system.participantInvited', {
        by: names.agent(event.byAgentId),
        agent: names.agent(event.agentId),
      });
    case 'participant-removed':
      return t('system.participantRemoved', {
        by: names.agent(event.byAgentId),
        agent: names.agent(event.agentId),
      });
    case 'tag-added':
      return t('system.tagAdded', {
        by: names.agent(event.byAgentId),
        tag: names.tag(event.tagId),
      });
    case 'tag-removed':
      return t('system.tagRemoved', {
        by: names.agent(event.byAgentId),
        tag: names.tag(event.tagId),
      });
    case 'closed':
      return closedText(t, event, names);
    case 'csat-requested':
      return t('system.csatRequested');
    case 'csat-answered':
      return t('system.csatAnswered', { score: event.score });
    case 'csat-timed-out':
      return t('system.csatTimedOut');
    case 'bot-timed-out':
      return t('system.botTimedOut');
    case 'contact-edited':
      return t('system.contactEdited', { by: names.agent(event.byAgentId) });
    case 'call':
      return t('system.call', {
        event: t(`system.callEvent.${event.event}`),
        number: event.number,
      });
  }
}

function closedText(
  t: TFunction,
  event: Extract<SystemEvent, { type: 'closed' }>,
  names: NameLookup,
): string {
  const agent = names.agent(event.byAgentId);
  if (event.forced) return t('system.forceClosed', { agent: names.actor(event.byAgentId) });
  if (event.dispositionId === null) return t('system.closed', { agent });
  return t('system.closedWith', { agent, disposition: names.disposition(event.dispositionId) });
}
