import { Resvg } from '@resvg/resvg-js';
import { readFileSync, readdirSync } from 'node:fs';
const files = readdirSync('/tmp/prof/svg').filter((x) => x.startsWith('1080x1440')).slice(0, 20);
const svgs = files.map((f) => readFileSync(`/tmp/prof/svg/${f}`, 'utf8'));
const variants = {
  full: (s) => s,
  noQr: (s) => s.replace(/<image[^>]*\/>/g, ''),
  noText: (s) => s.replace(/<path[^>]*fill="#[0-9a-fA-F]+"[^>]*d="M[^"]{200,}"[^>]*\/>/g, ''),
};
for (let round = 0; round < 2; round++) for (const [name, fn] of Object.entries(variants)) {
  const t = { parse: 0, render: 0, png: 0 };
  for (const svg0 of svgs) { const svg = fn(svg0);
    let s = performance.now(); const r = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }); t.parse += performance.now() - s; s = performance.now();
    const img = r.render(); t.render += performance.now() - s; s = performance.now(); img.asPng(); t.png += performance.now() - s; }
  console.log(name, Object.entries(t).map(([k, v]) => `${k} ${(v / svgs.length).toFixed(1)}`).join(' '));
}
const s = svgs[0]; console.log((s.match(/<path/g) || []).length, 'paths', (s.match(/<image/g)||[]).length, 'images', s.length);
console.log(s.slice(0, 1500));
