// The cart as the server keeps it; every change goes to the cart function and the view it returns
// replaces the local one (prices and stock always as the server says). Adding from a product page
// returns only the new count (the cart page reads the full cart when shown).
import Taro from '@tarojs/taro';
import { makeAutoObservable, runInAction } from 'mobx';
import type { CartAddLinesView, CartCountView, CartLineView, CartView } from '@domain/api/views';
import { addFen, mulFen, type Fen } from '@domain/money';
import type { Result } from '@domain/result';
import { api } from '../services/api';

class CartStore {
  view: CartView | null = null;
  count = 0;
  loading = false;
  error = '';
  /** Lines the shopper unticked (a line is ticked unless listed: new lines come ticked). */
  unticked = new Set<string>();

  constructor() {
    makeAutoObservable(this);
  }

  isSelected(line: CartLineView): boolean {
    return line.available && !this.unticked.has(line.skuId);
  }

  /** The ticked lines that can be bought: what checkout takes. */
  get selectedLines(): CartLineView[] {
    return (this.view?.lines ?? []).filter((l) => this.isSelected(l));
  }

  get allSelected(): boolean {
    const buyable = (this.view?.lines ?? []).filter((l) => l.available);
    return buyable.length > 0 && buyable.every((l) => this.isSelected(l));
  }

  /** The ticked lines at this shopper's prices (campaign prices where they apply). */
  get selectedTotalFen(): Fen {
    return addFen(
      ...this.selectedLines.map((l) => l.promo?.amountFen ?? mulFen(l.unitPriceFen, l.qty)),
    );
  }

  toggle(skuId: string): void {
    if (this.unticked.has(skuId)) this.unticked.delete(skuId);
    else this.unticked.add(skuId);
  }

  toggleAll(): void {
    const lines = this.view?.lines ?? [];
    if (this.allSelected) lines.forEach((l) => this.unticked.add(l.skuId));
    else this.unticked.clear();
  }

  async load(): Promise<void> {
    this.loading = true;
    this.apply(await api.cart());
  }

  async add(skuId: string, qty: number): Promise<Result<CartCountView>> {
    const res = await api.addToCart(skuId, qty);
    if (res.ok) this.setCount(res.data.count);
    return res;
  }

  /** Several lines at once (再次购买); the badge follows. */
  async addLines(lines: { skuId: string; qty: number }[]): Promise<Result<CartAddLinesView>> {
    const res = await api.addLinesToCart(lines);
    if (res.ok) this.setCount(res.data.count);
    return res;
  }

  setQty(skuId: string, qty: number) {
    return this.change(api.setCartQty(skuId, qty));
  }

  remove(skuIds: string[]) {
    return this.change(api.removeFromCart(skuIds));
  }

  /** The units in the cart (the tab badge), e.g. from the launch. */
  setCount(count: number): void {
    runInAction(() => {
      this.count = count;
    });
    const badge =
      count > 0
        ? Taro.setTabBarBadge({ index: 2, text: String(Math.min(count, 99)) })
        : Taro.removeTabBarBadge({ index: 2 });
    badge.catch(() => undefined); // not on a tab page right now: harmless
  }

  private async change(call: Promise<Result<CartView>>): Promise<Result<CartView>> {
    const res = await call;
    if (res.ok) this.apply(res);
    return res;
  }

  private apply(res: Result<CartView>): void {
    runInAction(() => {
      this.loading = false;
      if (res.ok) {
        this.view = res.data;
        this.error = '';
      } else this.error = res.message;
    });
    if (res.ok) this.setCount(res.data.count);
  }
}

export const cartStore = new CartStore();
