// A paid blind box is drawn (lib/blindbox/draw.ts): the item, the seed revealed, the log.
// Guard: the order's recorded result (and each pool unit records the order that took it).
import { drawBox } from '../../blindbox/draw';
import type { Effect } from './effect';

export const drawBlindBox: Effect = {
  name: 'blindbox.draw',
  run: (order, at) => drawBox(order, at),
};
