// @ts-check
// The site's config with a content-layer cache of its own, so a fixture build never leaves its
// entries (and their temporary file paths) in the cache the real site's build reads.
import config from '../../astro.config.mjs';

export default { ...config, cacheDir: process.env.FIXTURE_CACHE_DIR };
