/**
 * Whether this runs under `astro dev` (the editor's preview), on the server or in the browser. Vite's
 * mode, not `import.meta.env.DEV`: DEV follows NODE_ENV, which the test runner sets to `test` for the
 * builds it starts, and those builds must be the site as published.
 */
export const UNDER_DEV_SERVER = import.meta.env.MODE === 'development';
