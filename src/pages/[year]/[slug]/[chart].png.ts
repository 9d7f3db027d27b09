import type { APIRoute } from 'astro';
import { getEditions } from '@/lib/content';
import { chartRoutes } from '@/lib/routes';
import { hasChartImage } from '@/lib/charts/chart-image';
import { pngResponse, shareImage, shareImageRoutes } from '@/lib/images/build-images';
import { chartImagePath } from '@/lib/paths';

// Each drawn chart as a PNG beside its achievement: /2022/muck-trucks/violations.png.
export const getStaticPaths = shareImageRoutes(
  async () => (await chartRoutes()).filter(({ props }) => hasChartImage(props.chart)),
  ({ achievement, chart }) => chartImagePath(achievement.href, chart.id),
  getEditions,
);

export const GET: APIRoute = async ({ props }) => pngResponse(await shareImage((props as { image: string }).image, getEditions));
