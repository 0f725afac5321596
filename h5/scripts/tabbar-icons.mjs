#!/usr/bin/env node
/**
 * Draws the tab-bar icons (81×81 PNG, normal + selected) into src/static/tabbar/. Shapes are
 * signed-distance functions rendered with 4×4 supersampling, so the icons stay crisp and tiny
 * without an image tool. Re-run after changing a shape or a colour: `node h5/scripts/tabbar-icons.mjs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'static', 'tabbar');
const COLORS = { normal: [0x7a, 0x7e, 0x83], active: [0x16, 0x77, 0xff] }; // pages.json tabBar color / selectedColor
const STROKE = 3.2;

const len = (x, y) => Math.hypot(x, y);
/** Distance to a rounded rectangle centred at (cx, cy) with half sizes (hw, hh) and corner r. */
function roundRect(px, py, cx, cy, hw, hh, r) {
  const qx = Math.abs(px - cx) - hw + r;
  const qy = Math.abs(py - cy) - hh + r;
  return len(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
const circle = (px, py, cx, cy, r) => len(px - cx, py - cy) - r;
/** Outline of a filled shape: |d| within half the stroke. */
const outline = (d) => Math.abs(d) - STROKE / 2;
/** Upper half of an ellipse outline (shoulders), open at the bottom. */
function shoulders(px, py, cx, cy, rx, ry) {
  if (py > cy) return Math.min(len(px - (cx - rx), py - cy), len(px - (cx + rx), py - cy)) - STROKE / 2;
  const k = len((px - cx) / rx, (py - cy) / ry);
  return Math.abs(k - 1) * Math.min(rx, ry) - STROKE / 2;
}

const SHAPES = {
  // 工作台: four tiles.
  workbench: (x, y) =>
    Math.min(
      outline(roundRect(x, y, 27, 27, 11, 11, 4)),
      outline(roundRect(x, y, 54, 27, 11, 11, 4)),
      outline(roundRect(x, y, 27, 54, 11, 11, 4)),
      roundRect(x, y, 54, 54, 11, 11, 4),
    ),
  // 客户: two people, the front one solid-headed.
  customers: (x, y) =>
    Math.min(
      outline(circle(x, y, 33, 29, 9)),
      shoulders(x, y, 33, 62, 17, 16),
      outline(circle(x, y, 54, 31, 7)),
      x > 46 ? shoulders(x, y, 56, 60, 12, 13) : Infinity,
    ),
  // 商机: rising bars.
  opportunities: (x, y) =>
    Math.min(
      roundRect(x, y, 24, 53, 5, 10, 2.5),
      roundRect(x, y, 40.5, 45, 5, 18, 2.5),
      roundRect(x, y, 57, 37, 5, 26, 2.5),
      outline(roundRect(x, y, 40.5, 66.5, 28, 0.01, 0)),
    ),
  // 我的: one person in a circle.
  me: (x, y) => Math.min(outline(circle(x, y, 40.5, 40.5, 28)), outline(circle(x, y, 40.5, 33, 8.5)), len(x - 40.5, y - 40.5) < 27 ? shoulders(x, y, 40.5, 64, 16, 15) : Infinity),
};

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(shape, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
  const S = 4;
  for (let y = 0; y < SIZE; y++) {
    raw[y * (1 + SIZE * 4)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let cover = 0;
      for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) if (shape(x + (sx + 0.5) / S, y + (sy + 0.5) / S) <= 0) cover++;
      const o = y * (1 + SIZE * 4) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((cover / (S * S)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = join(OUT, `${name}${state === 'active' ? '-active' : ''}.png`);
    const data = png(shape, color);
    writeFileSync(file, data);
    process.stdout.write(`${file.replace(/^.*\/src\//, 'src/')} ${data.length} B\n`);
  }
}
