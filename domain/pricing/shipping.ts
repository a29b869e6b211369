// The shop's shipping rule: a flat fee below the free-shipping threshold. Its own module so the
// cart page can show "再买¥X包邮" without loading the pricing engine.
import { fen } from '../money';

export const SHIPPING_RULE = { feeFen: fen(800), freeFromFen: fen(9900) };
