/**
 * The MSI's policy writer: the electron-builder hook that adds it to the WiX project, and the
 * JScript custom action itself, run here in a Node `vm` with stand-ins for the two Windows
 * Installer objects it touches (Session and Scripting.FileSystemObject).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parsePolicyFile } from '../policy/sources';
import { REPO_ROOT } from './builder-config';

const require = createRequire(import.meta.url);
type Hook = ((projectFile: string) => Promise<void>) & {
  injectPolicyWriter: (wxs: string, scriptPath: string) => string;
};
const hook = require(join(REPO_ROOT, 'build', 'msi', 'msi-project-created.cjs')) as Hook;
const SCRIPT = 'C:\\build\\msi\\write-policy.js';

/** The project electron-builder generates, from its own template with our msi options. */
function generatedWxs(): string {
  const ejs = require('ejs') as { render: (t: string, data: object) => string };
  const template = readFileSync(
    require.resolve('app-builder-lib/templates/msi/template.xml'),
    'utf8',
  )
    .replace(/{{/g, '<%')
    .replace(/}}/g, '%>')
    .replace(/\${([^}]+)}/g, '<%=$1%>');
  return ejs.render(template, {
    productName: 'Atendo',
    upgradeCode: '7D3C2A5E-8F41-4B6A-9C0E-2F7A1B9D4E63',
    version: '1.0.0.0',
    manufacturer: 'Atendo',
    appDescription: 'Atendo',
    compressionLevel: 'high',
    iconPath: null,
    iconId: 'AtendoIcon.exe',
    isPerMachine: true,
    isAssisted: false,
    isRunAfterFinish: false,
    isCreateDesktopShortcut: true,
    isCreateStartMenuShortcut: true,
    menuCategory: null,
    programFilesId: 'ProgramFiles64Folder',
    installationDirectoryWixName: 'Atendo',
    dirs: [],
    files: ['      <File Name="Atendo.exe" Source="Atendo.exe"/>'],
  });
}

describe('msiProjectCreated: injectPolicyWriter', () => {
  const wxs = generatedWxs();
  const injected = hook.injectPolicyWriter(wxs, SCRIPT);

  it('starts from a real generated project', () => {
    expect(wxs).toContain('UpgradeCode="7D3C2A5E-8F41-4B6A-9C0E-2F7A1B9D4E63"');
    expect(wxs.match(/<\/Product>/g)).toHaveLength(1);
  });

  it('declares both public properties as secure, so they reach the deferred action', () => {
    expect(injected).toContain('<Property Id="SERVER_URL" Secure="yes"/>');
    expect(injected).toContain('<Property Id="DISABLE_AUTO_UPDATES" Secure="yes"/>');
  });

  it('adds the script, the data action and the deferred action, all inside <Product>', () => {
    const end = injected.lastIndexOf('</Product>');
    for (const part of [
      `<Binary Id="AtendoPolicyWriter" SourceFile="${SCRIPT}"/>`,
      'Value="[CommonAppDataFolder]|[SERVER_URL]|[DISABLE_AUTO_UPDATES]"',
      'JScriptCall="writePolicy"',
      'Execute="deferred" Impersonate="no"',
      '<Custom Action="WriteAtendoPolicy" Before="InstallFinalize">',
    ]) {
      const at = injected.indexOf(part);
      expect(at, part).toBeGreaterThan(0);
      expect(at, part).toBeLessThan(end);
    }
    // Nothing of the original project is lost or reordered.
    expect(
      injected.replace(/\n {4}<!-- atendo-policy-properties -->[\s\S]*?(?=<\/Product>)/, ''),
    ).toBe(wxs);
  });

  it('is idempotent', () => {
    expect(hook.injectPolicyWriter(injected, SCRIPT)).toBe(injected);
  });

  it('refuses a project without </Product>', () => {
    expect(() => hook.injectPolicyWriter('<Wix/>', SCRIPT)).toThrow(/<\/Product>/);
  });

  it('rewrites the project file in place, pointing at write-policy.js', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atendo-msi-'));
    try {
      const file = join(dir, 'project.wxs');
      writeFileSync(file, wxs);
      await hook(file);
      const written = readFileSync(file, 'utf8');
      expect(written).toContain(
        `SourceFile="${join(REPO_ROOT, 'build', 'msi', 'write-policy.js')}"`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

type Written = { path: string; text: string; folders: string[] };

/** Runs write-policy.js's writePolicy() with the CustomActionData an install would pass. */
function runWriter(
  data: string,
  existingFolder = false,
): { result: unknown; written: Written | null } {
  const script = readFileSync(join(REPO_ROOT, 'build', 'msi', 'write-policy.js'), 'utf8');
  let written: Written | null = null;
  const folders: string[] = [];
  const fso = {
    FolderExists: () => existingFolder,
    CreateFolder: (path: string) => folders.push(path),
    CreateTextFile: (path: string, overwrite: boolean, unicode: boolean) => {
      expect([overwrite, unicode]).toEqual([true, false]);
      let text = '';
      return {
        Write: (chunk: string) => (text += chunk),
        Close: () => (written = { path, text, folders }),
      };
    },
  };
  const context = {
    Session: { Property: (name: string) => (name === 'CustomActionData' ? data : '') },
    ActiveXObject: function ActiveXObject(progId: string) {
      expect(progId).toBe('Scripting.FileSystemObject');
      return fso;
    },
    result: undefined as unknown,
  };
  runInNewContext(`${script}\nresult = writePolicy();`, context);
  return { result: context.result, written };
}

describe('write-policy.js (the JScript custom action, run in a vm)', () => {
  it('is plain ES3, as the Windows Script Host runs it', () => {
    const script = readFileSync(join(REPO_ROOT, 'build', 'msi', 'write-policy.js'), 'utf8');
    expect(script).not.toMatch(/\b(let|const|class)\b|=>|`|JSON\./);
  });

  it('writes ServerUrl and AutoUpdate=false that the app reads back as policy', () => {
    const { result, written } = runWriter('C:\\ProgramData\\|https://atendo.corp.example|1');
    expect(result).toBe(1);
    expect(written?.path).toBe('C:\\ProgramData\\Atendo\\policy.json');
    expect(written?.folders).toEqual(['C:\\ProgramData\\Atendo']);
    const reading = parsePolicyFile(written?.text ?? '', 'policy.json');
    expect(reading).toMatchObject({
      policy: { ServerUrl: 'https://atendo.corp.example', AutoUpdate: false },
      problems: [],
    });
  });

  it.each([
    ['only the server', 'C:\\ProgramData\\|https://a.example|', { ServerUrl: 'https://a.example' }],
    ['only DISABLE_AUTO_UPDATES=true', 'C:\\ProgramData\\||true', { AutoUpdate: false }],
    [
      'DISABLE_AUTO_UPDATES=0 writes nothing for it',
      'C:\\ProgramData\\|https://a.example|0',
      { ServerUrl: 'https://a.example' },
    ],
  ])('%s', (_name, data, policy) => {
    const { written } = runWriter(data, true);
    expect(JSON.parse(written?.text ?? '')).toEqual(policy);
  });

  it('leaves an existing file alone when no property was given (a repair)', () => {
    expect(runWriter('C:\\ProgramData\\||')).toEqual({ result: 1, written: null });
  });

  it.each([
    ['quotes and backslashes', 'https://a.example/?q="x"\\y'],
    ['a newline and a tab', 'https://a.example/\n\t'],
    ['non-ASCII', 'https://atendimento.exemplo.com.br/ação'],
    ['a JSON injection attempt', 'https://a.example", "AllowServerChange": true, "x": "'],
  ])('escapes %s so the file stays valid JSON with the exact value', (_name, url) => {
    const { written } = runWriter(`C:\\ProgramData\\|${url}|`);
    const text = written?.text ?? '';
    expect(text).toMatch(/^[\x20-\x7e\r\n]*$/);
    expect(JSON.parse(text)).toEqual({ ServerUrl: url });
  });
});
