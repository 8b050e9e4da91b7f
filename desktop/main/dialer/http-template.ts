export type TemplateValues = { number: string; extension: string };

export type FilledTemplate = { ok: true; url: string } | { ok: false; why: string };

const PLACEHOLDER = /\{([a-z]+)\}/g;

/**
 * Fills a PBX click-to-call URL such as `https://pbx.local/click2call?ext={extension}&to={number}`.
 * Each value is URL-encoded, so `+55…` arrives as `%2B55…` and cannot add parameters. Unknown
 * placeholders are an error rather than left in, so a typo in the policy shows up at once.
 */
export function fillHttpTemplate(template: string, values: TemplateValues): FilledTemplate {
  const unknown = [...template.matchAll(PLACEHOLDER)].find(
    (m) => m[1] !== 'number' && m[1] !== 'extension',
  );
  if (unknown) return { ok: false, why: `unknown-placeholder ${unknown[0]}` };
  const filled = template.replace(PLACEHOLDER, (_match, name: 'number' | 'extension') =>
    encodeURIComponent(values[name]),
  );
  if (template.includes('{extension}') && values.extension === '') {
    return { ok: false, why: 'extension-not-set' };
  }
  let url: URL;
  try {
    url = new URL(filled);
  } catch {
    return { ok: false, why: 'template-not-a-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, why: 'template-not-http' };
  }
  return { ok: true, url: url.href };
}
