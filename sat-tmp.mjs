import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, readdirSync } from 'node:fs';
const dir = '/tmp/prof/specs';
const files = readdirSync(dir);
const fonts = files.filter((f) => f.startsWith('font-')).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))).map((f) => ({ ...f, data: Buffer.from(f.data, 'base64'), style: 'normal' }));
for (const size of (process.argv[2] ?? '1080x1440,1200x630').split(',')) {
  const specs = files.filter((f) => f.startsWith(size)).slice(0, 30).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
  const [w, h] = size.split('x').map(Number);
  const t = { satori: 0, parse: 0, render: 0, png: 0 };
  for (const tree of specs) {
    let s = performance.now();
    const svg = await satori(tree, { width: w, height: h, fonts });
    t.satori += performance.now() - s; s = performance.now();
    const r = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }); t.parse += performance.now() - s; s = performance.now();
    const img = r.render(); t.render += performance.now() - s; s = performance.now();
    img.asPng(); t.png += performance.now() - s;
  }
  console.log(size, specs.length, Object.entries(t).map(([k, v]) => `${k} ${(v / specs.length).toFixed(1)}`).join('  '));
}
