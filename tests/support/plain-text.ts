import type { Metric } from '@/schema/metric';
import { paragraphsOf, textOfParagraphs } from '@/lib/share/plain-text';

/** An MDX body as the plain text an Achievement carries (content.ts computes it the same way). */
export function plainTextOf(body: string | undefined, metrics: readonly Metric[], file: string): string {
  return textOfParagraphs(paragraphsOf(body, metrics, file));
}
