import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

/** Draws the ribbon and add-in icons (a tick on a blue tile) as PNGs, without an image library. */
const SIZES = [16, 32, 64, 80, 128];

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(
  size: number,
  pixel: (x: number, y: number) => [number, number, number, number]
): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Distance from point p to the segment a-b, in pixels. */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2))
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function icon(size: number): Buffer {
  const s = size;
  const radius = s * 0.18;
  const stroke = Math.max(1.2, s * 0.09);
  return png(size, (x, y) => {
    const cx = x + 0.5;
    const cy = y + 0.5;
    // Rounded tile.
    const dx = Math.max(radius - cx, cx - (s - radius), 0);
    const dy = Math.max(radius - cy, cy - (s - radius), 0);
    const inside = Math.hypot(dx, dy) <= radius;
    if (!inside) return [0, 0, 0, 0];
    const tick = Math.min(
      toSegment(cx, cy, s * 0.24, s * 0.52, s * 0.43, s * 0.7),
      toSegment(cx, cy, s * 0.43, s * 0.7, s * 0.78, s * 0.3)
    );
    return tick <= stroke ? [255, 255, 255, 255] : [15, 108, 189, 255];
  });
}

for (const size of SIZES) writeFileSync(`assets/icon-${size}.png`, icon(size));
process.stdout.write(`wrote assets/icon-{${SIZES.join(",")}}.png\n`);
