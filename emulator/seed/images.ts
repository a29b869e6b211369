// Placeholder product pictures for the seeded catalog, drawn as small SVG documents so the demo
// shop looks finished without shipping binary assets. Colors and the illustration come from the
// product's category; the image index varies the palette and layout so galleries don't repeat.
import type { Product } from '../../domain/model';
import { SEED } from './catalog';

type Shape = 'can' | 'cup' | 'pouch' | 'fruit' | 'stack' | 'bottle' | 'pot';

const STYLES: Record<string, { hue: number; shape: Shape }> = {
  'c-tea': { hue: 140, shape: 'can' },
  'c-coffee': { hue: 28, shape: 'cup' },
  'c-snacks': { hue: 42, shape: 'pouch' },
  'c-fruit': { hue: 18, shape: 'fruit' },
  'c-home': { hue: 205, shape: 'stack' },
  'c-care': { hue: 330, shape: 'bottle' },
  'c-kitchen': { hue: 4, shape: 'pot' },
};

const FONT = `'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif`;

/** Per image index (1-based): hue shift, gradient direction, illustration transform, dots. */
const VARIANTS = [
  {
    shift: 0,
    grad: 'x2="1" y2="1"',
    art: 'translate(375 300) scale(1.2)',
    dots: [620, 130, 120, 90, 640, 60],
  },
  {
    shift: 16,
    grad: 'x1="1" x2="0" y2="1"',
    art: 'translate(375 300) scale(1.02) rotate(-8)',
    dots: [110, 200, 150, 660, 420, 70],
  },
  {
    shift: -16,
    grad: 'y2="1"',
    art: 'translate(375 290) scale(1.28)',
    dots: [660, 420, 160, 70, 110, 50],
  },
];

function hex(h: number, s: number, l: number): string {
  // HSL to #rrggbb: hex is understood by every SVG renderer, hsl() is not.
  const hue = ((h % 360) + 360) % 360;
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const v = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The illustration, centered on the origin and about 380 units across. */
function art(shape: Shape, a: string, d: string): string {
  const white = 'fill="#fff" fill-opacity=".8"';
  switch (shape) {
    case 'can':
      return (
        `<rect x="-90" y="-120" width="180" height="250" rx="26" fill="${a}"/>` +
        `<rect x="-100" y="-150" width="200" height="44" rx="14" fill="${d}"/>` +
        `<rect x="-90" y="-40" width="180" height="96" ${white}/>` +
        `<path d="M0-28C36-28 46 10 0 36C-46 10-36-28 0-28Z" fill="${d}"/>` +
        `<path d="M0-20V30" stroke="#fff" stroke-width="4"/>`
      );
    case 'cup':
      return (
        `<ellipse cy="135" rx="175" ry="26" fill="${d}" fill-opacity=".35"/>` +
        `<circle cx="125" cy="10" r="42" fill="none" stroke="${a}" stroke-width="18"/>` +
        `<path d="M-120-60H120L100 100Q95 125 70 125H-70Q-95 125-100 100Z" fill="${a}"/>` +
        `<ellipse cy="-60" rx="120" ry="18" fill="${d}"/>` +
        `<path d="M-40-95q-20-30 0-55t0-55M30-95q-20-30 0-55t0-55" fill="none" ` +
        `stroke="#fff" stroke-width="10" stroke-linecap="round"/>`
      );
    case 'pouch':
      return (
        `<rect x="-120" y="-140" width="240" height="290" rx="30" fill="${a}"/>` +
        `<rect x="-120" y="-140" width="240" height="44" rx="20" fill="${d}"/>` +
        `<circle cy="20" r="72" ${white}/>` +
        `<ellipse cx="-24" cy="6" rx="20" ry="14" fill="${d}"/>` +
        `<ellipse cx="24" cy="16" rx="20" ry="14" fill="${a}"/>` +
        `<ellipse cx="-6" cy="44" rx="20" ry="14" fill="${d}"/>`
      );
    case 'fruit':
      return (
        `<circle cx="85" cy="65" r="80" fill="${d}" fill-opacity=".85"/>` +
        `<circle cx="-40" cy="20" r="115" fill="${a}"/>` +
        `<path d="M-40-92q8-36 44-48" fill="none" stroke="${d}" stroke-width="10" ` +
        `stroke-linecap="round"/>` +
        `<path d="M-30-100c22-48 80-48 100-28c-30 30-80 40-100 28z" fill="${hex(110, 45, 45)}"/>` +
        `<circle cx="-88" cy="-22" r="22" fill="#fff" fill-opacity=".5"/>`
      );
    case 'stack':
      return (
        `<rect x="-150" y="60" width="300" height="76" rx="22" fill="${d}"/>` +
        `<rect x="-140" y="-20" width="280" height="76" rx="22" fill="${a}"/>` +
        `<rect x="-130" y="-100" width="260" height="76" rx="22" fill="${d}" fill-opacity=".7"/>` +
        `<path d="M-130 100H130M-120 18H120M-110-62H110" stroke="#fff" stroke-opacity=".6" ` +
        `stroke-width="8" stroke-dasharray="18 12"/>`
      );
    case 'bottle':
      return (
        `<rect x="-20" y="-178" width="82" height="22" rx="8" fill="${d}"/>` +
        `<rect x="-15" y="-160" width="30" height="50" fill="${d}"/>` +
        `<rect x="-45" y="-115" width="90" height="36" rx="10" fill="${d}"/>` +
        `<rect x="-95" y="-85" width="190" height="250" rx="40" fill="${a}"/>` +
        `<rect x="-65" y="-10" width="130" height="100" rx="14" ${white}/>` +
        `<circle cy="40" r="24" fill="${a}"/>`
      );
    case 'pot':
      return (
        `<rect x="-195" y="-5" width="390" height="26" rx="13" fill="${d}"/>` +
        `<rect x="-150" y="-30" width="300" height="160" rx="50" fill="${a}"/>` +
        `<rect x="-150" y="12" width="300" height="12" fill="#fff" fill-opacity=".35"/>` +
        `<path d="M-165-28Q0-130 165-28Z" fill="${d}"/>` +
        `<circle cy="-92" r="20" fill="${d}"/>`
      );
  }
}

function render(product: Product, index: number): string {
  const style = STYLES[product.categoryId] ?? { hue: 200, shape: 'pouch' };
  const v = VARIANTS[(index - 1) % VARIANTS.length];
  const h = style.hue + v.shift;
  const accent = hex(h, 48, 58);
  const deep = hex(h, 42, 34);
  const ink = hex(h, 40, 18);
  const category = SEED.categories.find((c) => c._id === product.categoryId)?.name ?? '';
  const [x1, y1, r1, x2, y2, r2] = v.dots;
  // Shrink long lines to fit the 750-wide canvas with a margin.
  const titleSize = Math.min(76, Math.floor(640 / product.title.length));
  const subSize = Math.min(32, Math.floor(640 / Math.max(product.subtitle.length, 1)));
  const text = (y: number, size: number, fill: string, body: string, extra = '') =>
    `<text x="375" y="${y}" text-anchor="middle" font-size="${size}" fill="${fill}"${extra}>` +
    `${escapeXml(body)}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 750 750" width="750" height="750" ` +
    `font-family="${FONT}">` +
    `<defs><linearGradient id="g" ${v.grad}>` +
    `<stop stop-color="${hex(h, 70, 95)}"/><stop offset="1" stop-color="${hex(h + 24, 55, 82)}"/>` +
    `</linearGradient></defs>` +
    `<rect width="750" height="750" fill="url(#g)"/>` +
    `<circle cx="${x1}" cy="${y1}" r="${r1}" fill="#fff" fill-opacity=".35"/>` +
    `<circle cx="${x2}" cy="${y2}" r="${r2}" fill="${accent}" fill-opacity=".18"/>` +
    `<g transform="${v.art}">${art(style.shape, accent, deep)}</g>` +
    (category
      ? `<rect x="40" y="40" width="${category.length * 26 + 40}" height="48" rx="24" ` +
        `fill="#fff" fill-opacity=".7"/>` +
        `<text x="60" y="73" font-size="26" fill="${deep}">${escapeXml(category)}</text>`
      : '') +
    text(590, titleSize, ink, product.title, ' font-weight="700"') +
    text(652, subSize, deep, product.subtitle) +
    `</svg>`
  );
}

let byFileName: Map<string, { product: Product; index: number }> | undefined;

function indexImages(): Map<string, { product: Product; index: number }> {
  const map = new Map<string, { product: Product; index: number }>();
  for (const product of SEED.products) {
    product.images.forEach((url, i) => {
      map.set(url.slice(url.lastIndexOf('/') + 1), { product, index: i + 1 });
    });
  }
  return map;
}

/**
 * The SVG for a seeded product picture such as `p-longjing-2.svg` (the last part of one of the
 * product's image URLs), or null when no seeded product has that picture.
 */
export function renderProductImage(fileName: string): string | null {
  byFileName ??= indexImages();
  const hit = byFileName.get(fileName);
  return hit ? render(hit.product, hit.index) : null;
}
