// The package's front door. Code that wants a smaller import graph (the renderer, say) can use
// the subpaths instead: `@atendo/shared/rules/lifecycle`, `@atendo/shared/schemas/contact`, …
export * from './errors';
export * from './phone';

export * from './schemas/common';
export * from './schemas/agent';
export * from './schemas/team';
export * from './schemas/channel';
export * from './schemas/contact';
export * from './schemas/conversation';
export * from './schemas/message';
export * from './schemas/catalog';
export * from './schemas/privacy';
export * from './schemas/quick-reply';
export * from './schemas/admin/index';

export * from './rules/decision';
export * from './rules/lifecycle';
export * from './rules/start-conversation';
export * from './rules/messaging-window';
export * from './rules/attachment-policy';
export * from './rules/permissions';
export * from './rules/close-conversation';
export * from './rules/templates';
export * from './rules/bot-menu';
export * from './rules/delivery-status';
export * from './rules/csat';
export * from './rules/retention';
export * from './rules/erasure';
export * from './rules/password-policy';
export * from './rules/template-preview';
export * from './rules/quick-reply';
export * from './rules/channel-routing';

export * from './sync/audience';
export * from './sync/protocol';
