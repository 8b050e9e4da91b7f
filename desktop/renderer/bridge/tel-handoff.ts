/** The hidden frame softphone links are opened in, one per document. */
export const DIAL_FRAME_NAME = 'atendo-dial-handoff';

function dialFrame(doc: Document): HTMLIFrameElement {
  const existing = doc.querySelector<HTMLIFrameElement>(`iframe[name="${DIAL_FRAME_NAME}"]`);
  if (existing !== null) return existing;
  const frame = doc.createElement('iframe');
  frame.name = DIAL_FRAME_NAME;
  frame.title = DIAL_FRAME_NAME;
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.src = 'about:blank';
  doc.body.append(frame);
  return frame;
}

/**
 * Hands a `tel:`/`sip:` link to the OS without ever navigating the workspace itself: the link's
 * target is a hidden frame, so whatever Chromium does with the external protocol (a prompt, a
 * handler that never answers, nothing at all) happens there and the page keeps running. The
 * navigation is still started by the agent's own click in the top frame, which is what Chromium
 * asks of a page that opens an external protocol.
 */
export function handOffSoftphoneLink(doc: Document, href: string): void {
  const frame = dialFrame(doc);
  const link = doc.createElement('a');
  link.href = href;
  link.target = frame.name;
  link.click();
}
