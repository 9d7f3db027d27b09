import sharp from 'sharp';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
console.log(sharp.versions, 'concurrency', sharp.concurrency());
const files = readdirSync('/tmp/prof/svg');
for (const size of ['1200x630', '1080x1440']) {
  const list = files.filter((x) => x.startsWith(size)).slice(0, 20).map((f) => readFileSync(`/tmp/prof/svg/${f}`));
  for (const opts of [{ compressionLevel: 6 }, { compressionLevel: 9 }, { compressionLevel: 6, adaptiveFiltering: true }, {compressionLevel: 9, palette: true}]) {
    let t = performance.now(); let bytes = 0;
    for (const svg of list) bytes += (await sharp(svg).png(opts).toBuffer()).length;
    const seq = (performance.now() - t) / list.length;
    t = performance.now();
    await Promise.all(list.map((svg) => sharp(svg).png(opts).toBuffer()));
    const par = (performance.now() - t) / list.length;
    console.log(size, JSON.stringify(opts), 'seq', seq.toFixed(1), 'par', par.toFixed(1), 'ms', 'bytes', (bytes / list.length).toFixed(0));
  }
  writeFileSync(`/tmp/prof/sharp-${size}.png`, await sharp(list[0]).png({ compressionLevel: 9 }).toBuffer());
}
