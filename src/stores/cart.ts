// The cart as the server keeps it; every change goes to the cart function and the view it returns
// replaces the local one (prices and stock always as the server says). Adding from a product page
// returns only the new count (the cart page reads the full cart when shown).
import Taro from '@tarojs/taro';
import { makeAutoObservable, runInAction } from 'mobx';
import type { CartCountView, CartView } from '@domain/api/views';
import type { Result } from '@domain/result';
import { api } from '../services/api';

class CartStore {
  view: CartView | null = null;
  count = 0;
  loading = false;
  error = '';

  constructor() {
    makeAutoObservable(this);
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
