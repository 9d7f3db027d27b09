import { createHash } from 'node:crypto';
import { getEditions, type Edition } from './content';

const digests = new WeakMap<Edition, string>();

/**
 * The cacheKey of every path built from an edition (Astro's experimental incremental build): a
 * path whose key and code are unchanged since the last build is copied instead of rendered. A
 * achievement's page shows its neighbours and the edition's title, so the key covers the whole edition,
 * entries' text included, and the public address the page links to. Every page also names the other
 * editions (the latest, 往年回顾, the search box's count): their outline is in the key too, so adding
 * content/2023/ renders 2022's pages again, while editing a 2023 entry's text does not.
 */
function editionDigest(edition: Edition, editions: readonly Edition[]): string {
  let digest = digests.get(edition);
  if (!digest) {
    const outline = editions.map((e) => [e.year, e.title, e.subtitle, e.achievements.length]);
    digest = createHash('sha256').update(JSON.stringify([import.meta.env.SITE, outline, edition])).digest('hex');
    digests.set(edition, digest);
  }
  return digest;
}

/** Static paths for files built per edition: /2022/…; props carry the edition. */
export async function editionRoutes() {
  const editions = await getEditions();
  return editions.map((edition) => ({ params: { year: String(edition.year) }, props: { edition }, cacheKey: editionDigest(edition, editions) }));
}

/** Static paths for files built per achievement: /2022/drunk-driving/…; props carry the edition and the achievement. */
export async function achievementRoutes() {
  const editions = await getEditions();
  return editions.flatMap((edition) =>
    edition.achievements.map((achievement) => ({
      params: { year: String(edition.year), slug: achievement.slug },
      props: { edition, achievement },
      cacheKey: editionDigest(edition, editions),
    })),
  );
}

/** Static paths for each chart's embed page: /embed/2022/muck-trucks/violations/; props add the chart. */
export async function chartRoutes() {
  return (await achievementRoutes()).flatMap(({ params, props, cacheKey }) =>
    props.achievement.charts.map((chart) => ({ params: { ...params, chart: chart.id }, props: { ...props, chart }, cacheKey })),
  );
}
