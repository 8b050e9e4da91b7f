import type { ComponentType } from 'react';
import { PrivacyScreen } from '../privacy/privacy-screen';
import { AgentsSection } from './agents/agents-section';
import { ChannelsSection } from './channels/channels-section';
import { TeamsSection } from './teams/teams-section';
import { AuditSection } from './catalog/audit-section';
import { DispositionsSection } from './catalog/dispositions-section';
import { QuickRepliesSection } from './catalog/quick-replies-section';
import { TagsSection } from './catalog/tags-section';
import { TemplatesSection } from './catalog/templates-section';

/** One page of the admin console: its id, the i18n key of its name and what it shows. */
export type AdminSection = {
  id: string;
  labelKey: string;
  /** The line under the page's title saying what it is for. */
  hintKey: string;
  component: ComponentType;
  /** Hidden from supervisors (who otherwise read every page with its forms disabled). */
  adminOnly?: boolean;
  /** The page draws its own title and scrolls itself (the privacy screen does). */
  ownLayout?: boolean;
};

/**
 * The console's left navigation, in this order. Each section is self-contained (loads its own
 * data, reads `useAdminAccess()` to disable its forms for supervisors); add a page by appending.
 */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  {
    id: 'agents',
    labelKey: 'adminConsole.sections.agents',
    hintKey: 'adminConsole.sections.agentsHint',
    component: AgentsSection,
  },
  {
    id: 'teams',
    labelKey: 'adminConsole.sections.teams',
    hintKey: 'adminConsole.sections.teamsHint',
    component: TeamsSection,
  },
  {
    id: 'channels',
    labelKey: 'adminConsole.sections.channels',
    hintKey: 'adminConsole.sections.channelsHint',
    component: ChannelsSection,
  },
  // The catalogue and the audit log (admin-catalog).
  {
    id: 'templates',
    labelKey: 'adminCatalog.templates.title',
    hintKey: 'adminCatalog.templates.intro',
    component: TemplatesSection,
  },
  {
    id: 'tags',
    labelKey: 'adminCatalog.tags.title',
    hintKey: 'adminCatalog.tags.intro',
    component: TagsSection,
  },
  {
    id: 'dispositions',
    labelKey: 'adminCatalog.dispositions.title',
    hintKey: 'adminCatalog.dispositions.intro',
    component: DispositionsSection,
  },
  {
    id: 'quick-replies',
    labelKey: 'adminCatalog.quickReplies.title',
    hintKey: 'adminCatalog.quickReplies.intro',
    component: QuickRepliesSection,
  },
  {
    id: 'audit',
    labelKey: 'adminCatalog.audit.title',
    hintKey: 'adminCatalog.audit.intro',
    component: AuditSection,
    // The server lets only admins read the audit log.
    adminOnly: true,
  },
  {
    id: 'privacy',
    labelKey: 'privacy.nav',
    hintKey: 'privacy.subtitle',
    component: PrivacyScreen,
    adminOnly: true,
    ownLayout: true,
  },
];
