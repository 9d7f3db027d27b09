import type { APIRoute } from 'astro';
import { Converter } from 'opencc-js/t2cn';
import { getEditions } from '@/lib/content';
import { searchableText } from '@/lib/search/document';
import { searchDocumentOf } from '@/lib/search/documents';
import { traditionalMapFor } from '@/lib/search/query';

/**
 * Traditional characters (and Hong Kong / Taiwan variants) → the simplified ones the site uses, only
 * for characters that occur in the searchable text: the search box converts a query with it (醉駕 → 醉驾).
 */
export const GET: APIRoute = async () => {
  const editions = await getEditions();
  const text = editions
    .flatMap((edition) => edition.achievements)
    .map((a) => searchableText(searchDocumentOf(a)))
    .join('\n');
  // Every CJK ideograph (Extension A and the main block) is a candidate; the converters decide.
  const candidates = [...codePoints(0x3400, 0x4dbf), ...codePoints(0x4e00, 0x9fff)];
  const fromTaiwan = Converter({ from: 'tw', to: 'cn' });
  const fromHongKong = Converter({ from: 'hk', to: 'cn' });
  const map = traditionalMapFor(text, candidates, (char) => {
    const tw = fromTaiwan(char);
    return tw !== char ? tw : fromHongKong(char);
  });
  return new Response(JSON.stringify(map));
};

function codePoints(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
}
