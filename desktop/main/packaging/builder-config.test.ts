import { describe, expect, it } from 'vitest';
import { loadBuilderConfig, validateBuilderConfig } from './builder-config';

describe('electron-builder.yml', () => {
  const config = loadBuilderConfig();

  it('validates against app-builder-lib/scheme.json', () => {
    expect(() => {
      validateBuilderConfig(config);
    }).not.toThrow();
  });

  it('fails validation for an unknown option (the check can fail)', () => {
    expect(() => {
      validateBuilderConfig({ ...config, msi: { perMachine: 'yes please' } });
    }).toThrow(/perMachine/);
  });

  it('installs the MSI per machine with a fixed upgrade code', () => {
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(JSON.stringify(config.msi)).toMatch(/"upgradeCode":"[0-9A-F]{8}-[0-9A-F]{4}-/);
    expect(config.nsis).toMatchObject({ perMachine: false, oneClick: true });
  });

  it('turns off runAsNode and loads the app only from the asar', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
  });

  it('publishes updates to a generic server whose URL comes from the build environment', () => {
    expect(config.publish).toEqual({
      provider: 'generic',
      url: '${env.ATENDO_UPDATE_URL}',
      channel: 'latest',
    });
  });

  it('registers atendo, tel and callto', () => {
    const schemes = (config.protocols as { schemes: string[] }[]).flatMap((p) => p.schemes);
    expect(schemes.sort()).toEqual(['atendo', 'callto', 'tel']);
  });
});
