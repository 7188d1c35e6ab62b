// Draws the console's app icons (apps/web/public/icons/*.png) for the web manifest: a white ring on the theme's
// primary colour (Mantine indigo 8, app/theme.ts). No image library: the PNG is written by hand (zlib + CRC32), so
// the icons can be made again on any machine with Node only. Run: node scripts/make-console-icons.mjs
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const out = join(import.meta.dirname, '..', 'apps', 'web', 'public', 'icons');
const INDIGO_8 = [0x3b, 0x5b, 0xdb];
const WHITE = [0xff, 0xff, 0xff];

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** `safe` is the share of the size the drawing keeps to (a maskable icon's safe zone is the inner 80%). */
function icon(size, safe) {
  const rows = [];
  const centre = (size - 1) / 2;
  const outer = ((size * safe) / 2) * 0.78;
  const inner = outer * 0.62;
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const distance = Math.hypot(x - centre, y - centre);
      // A ring open on the right, like a "C" for casetrack.
      const open = x > centre && Math.abs(y - centre) < inner * 0.55;
      const colour = distance <= outer && distance >= inner && !open ? WHITE : INDIGO_8;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'icon-192.png'), icon(192, 1));
writeFileSync(join(out, 'icon-512.png'), icon(512, 1));
writeFileSync(join(out, 'icon-maskable-512.png'), icon(512, 0.8));
writeFileSync(join(out, 'apple-touch-icon-180.png'), icon(180, 1));
