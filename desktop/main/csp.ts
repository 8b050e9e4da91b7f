/**
 * The Content-Security-Policy of the app's pages: scripts only from the app itself, network
 * only to the configured Atendo server, no plugins, no framing, no form posts elsewhere.
 * Mantine writes inline styles, so style-src allows them; scripts never run inline.
 */
export function contentSecurityPolicy(serverUrl: string | null, devServer: string | null): string {
  const connect = ["'self'"];
  // Before a server is configured the agent types its address at sign-in, so any TLS server
  // must be reachable; once it is known, only that one is.
  if (!serverUrl) connect.push('https:', 'wss:');
  if (serverUrl) {
    const url = new URL(serverUrl);
    connect.push(url.origin, `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`);
  }
  const self = devServer ? `'self' ${devServer}` : "'self'";
  if (devServer) connect.push(devServer, devServer.replace(/^http/, 'ws'));
  return [
    `default-src ${self}`,
    `script-src ${self}`,
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data: blob: https:`,
    `media-src ${self} blob:`,
    `font-src ${self} data:`,
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
