import satori from 'satori';
import { readFileSync, readdirSync } from 'node:fs';
const dir = '/tmp/prof/specs';
const files = readdirSync(dir);
const fonts = files.filter((f) => f.startsWith('font-')).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))).map((f) => ({ ...f, data: Buffer.from(f.data, 'base64'), style: 'normal' }));
const specs = files.filter((f) => f.startsWith('1080x1440')).slice(0, 30).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
for (const embedFont of [true, false, true]) {
  let t = performance.now(); let len = 0;
  for (const tree of specs) len += (await satori(tree, { width: 1080, height: 1440, fonts, embedFont })).length;
  console.log('embedFont', embedFont, ((performance.now() - t) / specs.length).toFixed(1), 'ms', len / specs.length);
}
// strip the QR image
const noqr = (n) => (n && typeof n === 'object' && !Array.isArray(n)) ? (n.type === 'img' ? null : { ...n, props: { ...n.props, children: Array.isArray(n.props?.children) ? n.props.children.map(noqr) : noqr(n.props?.children) } }) : n;
let t = performance.now();
for (const tree of specs) await satori(noqr(tree), { width: 1080, height: 1440, fonts });
console.log('no img', ((performance.now() - t) / specs.length).toFixed(1));
