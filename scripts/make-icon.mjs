// Draws media/icon.png (128×128, the Marketplace icon): a checklist card with two ticked
// boxes and one open box, in plain pixels, so that no image tool is needed to rebuild it.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = Buffer.alloc(N * N * 4);
const set = (x, y, [r, g, b, a = 255]) => {
  if (x < 0 || y < 0 || x >= N || y >= N) return;
  const i = (y * N + x) * 4;
  px[i] = r;
  px[i + 1] = g;
  px[i + 2] = b;
  px[i + 3] = a;
};
const rect = (x0, y0, w, h, c, radius = 0) => {
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) {
      const dx = Math.max(x0 + radius - x - 0.5, 0, x + 0.5 - (x0 + w - radius));
      const dy = Math.max(y0 + radius - y - 0.5, 0, y + 0.5 - (y0 + h - radius));
      if (dx * dx + dy * dy <= radius * radius) set(x, y, c);
    }
};
const line = (x0, y0, x1, y1, width, c) => {
  const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2);
  for (let s = 0; s <= steps; s++) {
    const x = x0 + ((x1 - x0) * s) / steps,
      y = y0 + ((y1 - y0) * s) / steps;
    for (let dy = -width; dy <= width; dy++)
      for (let dx = -width; dx <= width; dx++)
        if (dx * dx + dy * dy <= width * width) set(Math.round(x + dx), Math.round(y + dy), c);
  }
};
const BLUE = [37, 99, 235],
  WHITE = [255, 255, 255],
  GREEN = [22, 163, 74],
  GREY = [148, 163, 184],
  INK = [30, 41, 59];
rect(0, 0, N, N, BLUE, 24);
rect(18, 14, 92, 100, WHITE, 10);
for (const [i, done] of [
  [0, true],
  [1, true],
  [2, false],
]) {
  const y = 28 + i * 28;
  rect(28, y, 18, 18, done ? GREEN : GREY, 4);
  if (!done) rect(31, y + 3, 12, 12, WHITE, 2);
  else {
    line(32, y + 9, 36, y + 13, 1.6, WHITE);
    line(36, y + 13, 42, y + 5, 1.6, WHITE);
  }
  rect(54, y + 6, i === 2 ? 30 : 44, 6, done ? GREY : INK, 3);
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  let c = ~0;
  for (const byte of body) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(~c >>> 0);
  return Buffer.concat([len, body, crc]);
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) px.copy(raw, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4);
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8;
ihdr[9] = 6;
writeFileSync(
  new URL('../media/icon.png', import.meta.url),
  Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);
