import type { BotMenu, BotOption } from '../schemas/channel';

export type BotReply = { kind: 'route'; teamId: string; option: BotOption } | { kind: 'invalid' };

/**
 * What the contact's answer to the menu means. Contacts type "1", " 1 " or "A" for "a", and some
 * copy the option's text instead, so the label is accepted when it matches exactly.
 */
export function botReply(menu: BotMenu, input: string): BotReply {
  const answer = input.trim();
  if (answer === '') return { kind: 'invalid' };
  const lowered = answer.toLowerCase();
  const option =
    menu.options.find((o) => o.key.trim().toLowerCase() === lowered) ??
    menu.options.find((o) => o.label.trim() === answer);
  return option === undefined
    ? { kind: 'invalid' }
    : { kind: 'route', teamId: option.teamId, option };
}

/** The menu as one message: the greeting, then "1 - Vendas" style lines. */
export function botMenuText(menu: BotMenu): string {
  return [menu.greeting, ...menu.options.map((o) => `${o.key} - ${o.label}`)].join('\n');
}

/** When the bot phase gives up waiting for a choice. */
export function botDeadline(menu: BotMenu, now: number): number {
  return now + menu.timeoutMs;
}

/** The lifecycle event a bot timeout fires, per the channel's setting. */
export function botTimeoutEvent(menu: BotMenu): 'bot-timeout-route' | 'bot-timeout-close' {
  return menu.onTimeout === 'close' ? 'bot-timeout-close' : 'bot-timeout-route';
}
