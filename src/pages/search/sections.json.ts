import type { APIRoute } from 'astro';
import { getEditions } from '@/lib/content';
import { searchDocumentOf } from '@/lib/search/documents';

/** Every achievement of every edition, for the simplified search used when Pagefind cannot start. */
export const GET: APIRoute = async () => {
  const editions = await getEditions();
  const documents = editions.flatMap((edition) => edition.achievements.map((a) => searchDocumentOf(a)));
  return new Response(JSON.stringify(documents));
};
