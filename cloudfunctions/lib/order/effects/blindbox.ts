// A paid blind box is drawn (lib/blindbox/draw.ts): the item, the seed revealed, the log; a
// fission box waits for its buyer to open it. Guards: the order's recorded result (each pool unit
// records the order that took it) and the inviter's friends list (each friend once).
import { boxPaid } from '../../blindbox/draw';
import type { Effect } from './effect';

export const drawBlindBox: Effect = {
  name: 'blindbox.draw',
  run: (order, at) => boxPaid(order, at),
};
