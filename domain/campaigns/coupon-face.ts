// A coupon's own value as the big figure on its card: ¥5.00 for an amount, 9折 for 10% off.
import { formatYuan, type Fen } from '../money';

export function couponFaceText(face: { amountFen?: Fen; percentOff?: number }): string {
  if (face.amountFen !== undefined) return formatYuan(face.amountFen);
  const tenths = (100 - (face.percentOff ?? 0)) / 10;
  return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)}折`;
}
