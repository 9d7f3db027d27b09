import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { chartImagesHtml } from '@/lib/charts/chart-image';
import { getEditions, getLatestEdition } from '@/lib/content';
import { escapeXml } from '@/lib/escape';
import { absoluteUrl, FEED } from '@/lib/paths';
import { sourceLine } from '@/lib/source-line';
import { achievementHeading, editionHeading } from '@/lib/headings';

// No pubDate anywhere: the source gives no date, and RSS 2.0 does not require one.
export const GET: APIRoute = async ({ site }) => {
  const [editions, latest] = await Promise.all([getEditions(), getLatestEdition()]);
  return rss({
    title: editionHeading(latest),
    description: sourceLine(latest),
    site: absoluteUrl('/', site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>zh-cn</language><atom:link href="${absoluteUrl(FEED, site)}" rel="self" type="application/rss+xml"/>`,
    items: editions.flatMap((edition) =>
      edition.achievements.map((a) => ({
        title: achievementHeading(a),
        link: absoluteUrl(a.href, site),
        description: a.summary,
        // A reader's feed runs no chart script: the summary, then the achievement's charts as the build's PNGs.
        content: `<p>${escapeXml(a.summary)}</p>${chartImagesHtml(a, site)}`,
        // The year first: with several editions, two items can read alike.
        categories: [`${edition.year}年度`, ...a.tags],
        customData: `<dc:creator>${edition.byline.join('、')}</dc:creator>`,
      })),
    ),
  });
};
