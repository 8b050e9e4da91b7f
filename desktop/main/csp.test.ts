import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

describe('contentSecurityPolicy', () => {
  it('allows the network only to the Atendo server (HTTP and websocket)', () => {
    const csp = contentSecurityPolicy('https://atendo.corp.example:8443/api', null);
    expect(csp).toContain(
      "connect-src 'self' https://atendo.corp.example:8443 wss://atendo.corp.example:8443",
    );
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });

  it('adds the dev server only in development', () => {
    expect(contentSecurityPolicy(null, 'http://localhost:5173')).toContain(
      "script-src 'self' http://localhost:5173",
    );
    expect(contentSecurityPolicy(null, null)).toContain("connect-src 'self' https: wss:;");
  });
});
