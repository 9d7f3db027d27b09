import type { Plugin } from 'vite';

/**
 * The chart code is imported when a chart nears the viewport. Vite preloads such an import's chunks
 * with <link rel="modulepreload">, and a preload that fails (a dropped connection while the reader is
 * on another page) stays failed in WebKit's module map, so the chart could never be drawn on Back;
 * Firefox also reports an error on a preload of a module the page already has. Without preloads the
 * import loads its own chunks. Astro sets `build.modulePreload` itself, so only a plugin's
 * environment config can turn it off.
 */
export function noModulePreload(): Plugin {
  return {
    name: 'site-no-module-preload',
    configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
  };
}
