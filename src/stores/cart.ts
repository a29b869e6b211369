// The cart as the server keeps it; every change goes to the cart function and the view it returns
// replaces the local one (prices and stock always as the server says).
import Taro from '@tarojs/taro';
import { makeAutoObservable, runInAction } from 'mobx';
import type { CartView } from '@domain/api/views';
import type { Result } from '@domain/result';
import { api } from '../services/api';

class CartStore {
  view: CartView | null = null;
  loading = false;
  error = '';

  constructor() {
    makeAutoObservable(this);
  }

  get count(): number {
    return this.view?.count ?? 0;
  }

  async load(): Promise<void> {
    this.loading = true;
    this.apply(await api.cart());
  }

  add(skuId: string, qty: number) {
    return this.change(api.addToCart(skuId, qty));
  }

  setQty(skuId: string, qty: number) {
    return this.change(api.setCartQty(skuId, qty));
  }

  remove(skuIds: string[]) {
    return this.change(api.removeFromCart(skuIds));
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
    const count = res.ok ? res.data.count : 0;
    const badge =
      count > 0
        ? Taro.setTabBarBadge({ index: 2, text: String(Math.min(count, 99)) })
        : Taro.removeTabBarBadge({ index: 2 });
    badge.catch(() => undefined); // not on a tab page right now: harmless
  }
}

export const cartStore = new CartStore();
