import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../packaging/builder-config';
import { POLICY_KEYS, readPolicyRecord } from './policy-record';

/**
 * The Group Policy template must offer every key the app reads, with values the app accepts,
 * and every text it refers to must exist in the language file: a missing string makes the
 * Group Policy editor refuse the whole template.
 */
const admx = readFileSync(`${REPO_ROOT}build/admx/atendo.admx`, 'utf8');
const adml = readFileSync(`${REPO_ROOT}build/admx/en-US/atendo.adml`, 'utf8');
const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] ?? '');

describe('build/admx', () => {
  it('offers every policy key the app reads, and no other', () => {
    const names = new Set(all(admx, /valueName="([A-Za-z]+)"/g));
    expect([...names].sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('defines every string and presentation the template refers to', () => {
    const strings = new Set(all(adml, /<string id="([^"]+)"/g));
    const presentations = new Set(all(adml, /<presentation id="([^"]+)"/g));
    expect(all(admx, /\$\(string\.([^)]+)\)/g).filter((id) => !strings.has(id))).toEqual([]);
    expect(
      all(admx, /\$\(presentation\.([^)]+)\)/g).filter((id) => !presentations.has(id)),
    ).toEqual([]);
  });

  it('offers only enum values the app accepts', () => {
    const enums = [...admx.matchAll(/<enum id="([A-Za-z]+)"[^>]*>([\s\S]*?)<\/enum>/g)];
    expect(enums.length).toBeGreaterThan(0);
    for (const [, key = '', body = ''] of enums) {
      for (const value of all(body, /<string>([^<]*)<\/string>/g)) {
        expect(readPolicyRecord({ [key]: value }).problems, `${key}=${value}`).toEqual([]);
      }
    }
  });
});
