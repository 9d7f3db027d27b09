import { readFileSync } from 'node:fs';
import { readArticle } from '@/lib/import/read';
import { structureOf } from '@/lib/import/structure';
import { figuresOf } from '@/lib/import/figures';
import { it } from 'vitest';
it('x', async () => {
const f = 'tests/fixtures/source/000_797c28bf11e04a8b.txt';
const a = structureOf(f, await readArticle(f, readFileSync(f)));
console.log(a.title, '|', a.subtitle, '|', a.byline, '|', a.lead?.slice(0,30), a.leftOut);
for (const s of a.sections) { const r = figuresOf(s.paragraphs); console.log(s.kicker, '|', s.title, s.paragraphs.length); console.log(r.body); console.log(JSON.stringify(r.metrics)); console.log(r.leftAsText.map(x=>x.text+':'+x.kind), r.unclassified); }
});
