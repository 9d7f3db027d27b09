import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPublicSite, PUBLISHER_FILE, readPublisher, unsetPublisherWarning } from '../lib/publisher';

const MODULE = 'virtual:publisher';

/**
 * Reads the publisher's settings (content/publisher.yaml and the SITE_* variables that override it)
 * once per build, stops the build on a malformed one, and hands them to the pages as
 * `import publisher from 'virtual:publisher'`. A production build (a public SITE_URL) warns about the
 * settings still unset: the owners give them, and the site shows nothing rather than a guess.
 */
export function publisherSettings(): AstroIntegration {
  return {
    name: 'site-publisher',
    hooks: {
      'astro:config:setup': ({ config, command, addWatchFile, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        // The same folder the content collections read (src/content.config.ts).
        const path = resolve(root, process.env.CONTENT_DIR ?? 'content', PUBLISHER_FILE);
        const shown = relative(root, path);
        const file = shown.startsWith('..') || isAbsolute(shown) ? path : shown;
        const publisher = readPublisher({ file, fileText: existsSync(path) ? readFileSync(path, 'utf8') : undefined, env: process.env });
        // Under `astro dev`, saving the file restarts the server with the new settings.
        addWatchFile(path);
        if (command === 'build' && isPublicSite(config.site ? new URL(config.site) : undefined)) {
          const warning = unsetPublisherWarning(publisher, file);
          if (warning) logger.warn(warning);
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'site-publisher',
                resolveId: (id: string) => (id === MODULE ? `\0${MODULE}` : undefined),
                load: (id: string) => (id === `\0${MODULE}` ? `export default ${JSON.stringify(publisher)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
