import { parseDeepLink } from '../deep-link';
import { createLinkGate } from '../link-gate';
import { parseTelLink, telScheme } from '../tel-link';
import { notifyCall } from './notifier';
import { sendToRenderer, type Shell } from './shell-state';
import { focusWindow } from './window';

/** Links wait until the workspace has a signed-in agent listening for them. */
const gate = createLinkGate();

/** A tel:/callto: link asks the renderer to show that number's contact; it never dials. */
function handleTelLink(shell: Shell, raw: string): void {
  const decision = parseTelLink(raw, shell.resolved.settings.defaultCountry);
  if (!decision.ok) {
    shell.log.warn({ why: decision.details.why }, 'tel link refused');
    return;
  }
  sendToRenderer(shell, 'event:dial-request', decision.request);
}

function handleLink(shell: Shell, raw: string): void {
  if (telScheme(raw) !== null) {
    handleTelLink(shell, raw);
    return;
  }
  const decision = parseDeepLink(raw, shell.resolved.settings.defaultCountry);
  if (!decision.ok) {
    shell.log.warn({ why: decision.details.why }, 'deep link refused');
    return;
  }
  if (decision.link.kind === 'call') notifyCall(shell, decision.link);
  else sendToRenderer(shell, 'event:deep-link', decision.link);
}

/**
 * An `atendo://`, `tel:` or `callto:` link from the OS. The window comes forward at once (the
 * agent clicked something); the link itself is handled when the workspace can act on it.
 */
export function receiveLink(shell: Shell, raw: string): void {
  focusWindow(shell.window);
  for (const link of gate.offer(raw)) handleLink(shell, link);
}

/** Called on every agent context: sign-in opens the gate, sign-out closes it. */
export function agentChanged(shell: Shell): void {
  for (const link of gate.setOpen(shell.agent.agentId !== null)) handleLink(shell, link);
}
