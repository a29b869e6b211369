// Draws a product poster on a 2D canvas context (the same code in WeChat, where the canvas is a
// <canvas type="2d"> node, and in the browser, where it is a DOM canvas): the product picture,
// its title and price, the sharer's QR code and a line saying who recommends it.
import { formatYuan } from '@domain/money';
import type { PosterView } from '@domain/api/views';

export const POSTER = { width: 600, height: 900 } as const;

/** Loads an image the canvas can draw (each platform makes its own image objects). */
export type LoadImage = (url: string) => Promise<CanvasImageSource | null>;

type Ctx = CanvasRenderingContext2D;

export async function drawPoster(ctx: Ctx, data: PosterView, load: LoadImage): Promise<void> {
  const { width: W, height: H } = POSTER;
  const [picture, code] = await Promise.all([
    data.imageUrl ? load(data.imageUrl) : Promise.resolve(null),
    load(data.code.url),
  ]);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  if (picture) ctx.drawImage(picture, 0, 0, W, W);
  else {
    ctx.fillStyle = '#f5f5f5';
    ctx.fillRect(0, 0, W, W);
  }

  const left = 32;
  ctx.fillStyle = '#e8553e';
  ctx.font = 'bold 44px sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(formatYuan(data.priceFen), left, W + 28);

  ctx.fillStyle = '#1f1f1f';
  ctx.font = '28px sans-serif';
  if (data.badge) {
    // A group's tiers above its title (the price shown is the last tier's).
    ctx.fillStyle = '#e8553e';
    ctx.font = '22px sans-serif';
    wrap(ctx, data.badge, left, W + 84, W - 240, 30, 2);
    ctx.fillStyle = '#1f1f1f';
    ctx.font = '28px sans-serif';
    wrap(ctx, data.title, left, W + 150, W - 240, 40, 2);
  } else wrap(ctx, data.title, left, W + 96, W - 240, 40, 3);

  if (code) ctx.drawImage(code, W - 190, W + 70, 160, 160);
  ctx.fillStyle = '#8c8c8c';
  ctx.font = '20px sans-serif';
  ctx.fillText('长按识别小程序码', W - 190, W + 240);
  ctx.fillText(`${data.sharerName} 推荐 · ${data.shopName}`, left, H - 48);
}

/** Writes text over at most `maxLines` lines of `maxWidth`, the last cut with an ellipsis. */
function wrap(
  ctx: Ctx,
  text: string,
  x: number,
  y: number,
  maxWidth: number,
  lineHeight: number,
  maxLines: number,
): void {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > maxWidth) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown[maxLines - 1] = `${shown[maxLines - 1].slice(0, -1)}…`;
  shown.forEach((l, i) => ctx.fillText(l, x, y + i * lineHeight));
}
