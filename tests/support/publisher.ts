import { existsSync, readFileSync } from 'node:fs';
import { readPublisher, withPublisher } from '@/lib/publisher';

/**
 * The JSON-LD publisher the real build gives its pages: the 主办单位 the owners set in
 * content/publisher.yaml (or SITE_ORGANIZER), none while it is unset, as the source names no publisher.
 */
export function expectedPublisher(): unknown {
  const file = 'content/publisher.yaml';
  const publisher = readPublisher({ file, fileText: existsSync(file) ? readFileSync(file, 'utf8') : undefined, env: process.env });
  return (withPublisher({}, publisher) as { publisher?: unknown }).publisher;
}
