import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const widgetDir = fileURLToPath(new URL('../../../webchat/', import.meta.url));

/**
 * Bundles the widget's TypeScript for browsers once, at first request, so `npm start` serves it
 * without a separate build step. esbuild arrives with tsx; the bundle is a single classic script
 * (an IIFE), because a customer's page embeds it with a plain script tag.
 */
export function createWidgetAssets() {
  let bundle: Promise<string> | null = null;
  const widgetJs = (): Promise<string> => {
    bundle ??= build({
      entryPoints: [`${widgetDir}src/widget.ts`],
      bundle: true,
      write: false,
      format: 'iife',
      target: ['es2020'],
      minify: true,
      legalComments: 'none',
    }).then((result) => {
      const [output] = result.outputFiles;
      if (!output) throw new Error('esbuild produced no widget bundle');
      return output.text;
    });
    // A failed build is retried on the next request rather than cached forever.
    bundle.catch(() => {
      bundle = null;
    });
    return bundle;
  };

  const demoHtml = async (channelKey: string): Promise<string> => {
    const template = await readFile(`${widgetDir}demo.html`, 'utf8');
    return template.replace('__CHANNEL_KEY__', escapeAttribute(channelKey));
  };

  return { widgetJs, demoHtml };
}

const escapeAttribute = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
