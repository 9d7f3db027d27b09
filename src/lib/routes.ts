import { createHash } from 'node:crypto';
import { getEditions, type Edition } from './content';

const digests = new WeakMap<Edition, string>();

/**
 * The cacheKey of every path built from an edition (Astro's experimental incremental build): a
 * path whose key and code are unchanged since the last build is copied instead of rendered. A
 * achievement's page shows its neighbours and the edition's title, so the key covers the whole edition,
 * entries' text included, and the public address the page links to.
 */
function editionDigest(edition: Edition): string {
  let digest = digests.get(edition);
  if (!digest) {
    digest = createHash('sha256').update(JSON.stringify([import.meta.env.SITE, edition])).digest('hex');
    digests.set(edition, digest);
  }
  return digest;
}

/** Static paths for files built per edition: /2022/…; props carry the edition. */
export async function editionRoutes() {
  const editions = await getEditions();
  return editions.map((edition) => ({ params: { year: String(edition.year) }, props: { edition }, cacheKey: editionDigest(edition) }));
}

/** Static paths for files built per achievement: /2022/drunk-driving/…; props carry the edition and the achievement. */
export async function achievementRoutes() {
  const editions = await getEditions();
  return editions.flatMap((edition) =>
    edition.achievements.map((achievement) => ({
      params: { year: String(edition.year), slug: achievement.slug },
      props: { edition, achievement },
      cacheKey: editionDigest(edition),
    })),
  );
}

/** Static paths for each chart's embed page: /embed/2022/muck-trucks/violations/; props add the chart. */
export async function chartRoutes() {
  return (await achievementRoutes()).flatMap(({ params, props }) =>
    props.achievement.charts.map((chart) => ({ params: { ...params, chart: chart.id }, props: { ...props, chart }, cacheKey: editionDigest(props.edition) })),
  );
}
