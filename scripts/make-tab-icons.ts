// Draws the tab bar icons into src/assets/tab/ (<name>.png and <name>-active.png, 81x81).
// WeChat's tabBar only takes PNG/JPG files that ship inside the package, so the icons have to be
// bitmaps; they are generated here from a few simple shapes so that the repository holds no
// binary sources of unknown origin. Each shape is a signed distance function (in pixels, negative
// inside); every pixel averages SS x SS samples of it for anti-aliasing.
//
// Usage: tsx scripts/make-tab-icons.ts
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

const SIZE = 81;
const SS = 4;
const STROKE = 5;
const COLORS: Record<string, [number, number, number]> = {
  '': [0x8c, 0x8c, 0x8c],
  '-active': [0xe8, 0x55, 0x3e],
};

type Sdf = (x: number, y: number) => number;
type Point = [number, number];

function segmentDistance(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** A stroked open polyline with round caps and joins. */
const line =
  (...points: Point[]): Sdf =>
  (x, y) => {
    let d = Infinity;
    for (let i = 1; i < points.length; i++) {
      d = Math.min(d, segmentDistance(x, y, points[i - 1], points[i]));
    }
    return d - STROKE / 2;
  };

/** A filled circle. */
const disc =
  (cx: number, cy: number, r: number): Sdf =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

/** A stroked circular arc from angle `from` clockwise to `to` (degrees, 0 = right, 90 = down). */
const arc =
  (cx: number, cy: number, r: number, from: number, to: number): Sdf =>
  (x, y) => {
    const angle = (Math.atan2(y - cy, x - cx) * 180) / Math.PI;
    const sweep = (((angle - from) % 360) + 360) % 360;
    if (sweep <= to - from) return Math.abs(Math.hypot(x - cx, y - cy) - r) - STROKE / 2;
    const cap = (deg: number): number =>
      disc(
        cx + r * Math.cos((deg * Math.PI) / 180),
        cy + r * Math.sin((deg * Math.PI) / 180),
        STROKE / 2,
      )(x, y);
    return Math.min(cap(from), cap(to));
  };

/** The stroked outline of a rectangle with rounded corners of radius r. */
const roundRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Sdf =>
  (x, y) => {
    const qx = Math.abs(x - (x0 + x1) / 2) - (x1 - x0) / 2 + r;
    const qy = Math.abs(y - (y0 + y1) / 2) - (y1 - y0) / 2 + r;
    const d = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
    return Math.abs(d) - STROKE / 2;
  };

const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)));

const ICONS: Record<string, Sdf> = {
  home: union(
    line([10, 39], [40.5, 12], [71, 39]),
    line([19, 33], [19, 69], [62, 69], [62, 33]),
    line([33, 69], [33, 52], [48, 52], [48, 69]),
  ),
  category: union(
    roundRect(12, 12, 36, 36, 6),
    roundRect(45, 12, 69, 36, 6),
    roundRect(12, 45, 36, 69, 6),
    roundRect(45, 45, 69, 69, 6),
  ),
  cart: union(
    line([10, 14], [16, 14], [25, 52], [63, 52], [71, 25], [19, 25]),
    disc(29, 64, 5.5),
    disc(59, 64, 5.5),
  ),
  me: union(arc(40.5, 24, 12.5, 0, 360), arc(40.5, 69, 24, 180, 360)),
};

function render(shape: Sdf, [r, g, b]: [number, number, number]): Buffer {
  const png = new PNG({ width: SIZE, height: SIZE });
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let coverage = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const d = shape(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
          coverage += Math.max(0, Math.min(1, 0.5 - d * SS)); // soft edge one sample wide
        }
      }
      const i = (y * SIZE + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = Math.round((255 * coverage) / (SS * SS));
    }
  }
  return PNG.sync.write(png);
}

const outDir = path.resolve(__dirname, '../src/assets/tab');
fs.mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    const file = path.join(outDir, `${name}${suffix}.png`);
    const png = render(shape, color);
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}  ${png.length} bytes`);
  }
}
