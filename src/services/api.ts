// Typed wrappers, one per cloud function action; the shapes live in domain/api.
import type { AddressInput, LinesInput } from '@domain/api/inputs';
import type {
  CartView,
  CategoryPageView,
  CouponTemplateView,
  CouponView,
  CreatedOrderView,
  HomeView,
  OrderDetailView,
  OrderSummaryView,
  PaymentView,
  ProductCardView,
  ProductDetailView,
  QuoteView,
  UserView,
} from '@domain/api/views';
import type { OrderStatus } from '@domain/model';
import { callCloud } from './cloud';

export const api = {
  login: (entry: { ref?: string; scene?: string; path?: string }) =>
    callCloud<UserView>('user', 'login', entry),
  me: () => callCloud<UserView>('user', 'me'),

  home: (cursor?: number) => callCloud<HomeView>('catalog', 'home', cursor ? { cursor } : {}),
  category: (categoryId?: string) =>
    callCloud<CategoryPageView>('catalog', 'category', categoryId ? { categoryId } : {}),
  product: (productId: string) => callCloud<ProductDetailView>('catalog', 'product', { productId }),
  search: (keyword: string) =>
    callCloud<{ keyword: string; products: ProductCardView[] }>('catalog', 'search', { keyword }),

  cart: () => callCloud<CartView>('cart', 'list'),
  addToCart: (skuId: string, qty: number) => callCloud<CartView>('cart', 'add', { skuId, qty }),
  setCartQty: (skuId: string, qty: number) => callCloud<CartView>('cart', 'setQty', { skuId, qty }),
  removeFromCart: (skuIds: string[]) => callCloud<CartView>('cart', 'remove', { skuIds }),

  quote: (lines: LinesInput, coupon = 'auto') =>
    callCloud<QuoteView>('order', 'quote', { lines, coupon }),
  createOrder: (input: {
    lines: LinesInput;
    requestId: string;
    address: AddressInput;
    remark: string;
    coupon: string;
    expectedTotalFen: number;
  }) => callCloud<CreatedOrderView>('order', 'create', input),
  payOrder: (orderId: string) =>
    callCloud<{ order: OrderDetailView; payment: PaymentView }>('order', 'pay', { orderId }),
  cancelOrder: (orderId: string) => callCloud<OrderDetailView>('order', 'cancel', { orderId }),
  confirmReceipt: (orderId: string) =>
    callCloud<OrderDetailView>('order', 'confirmReceipt', { orderId }),
  orders: (status?: OrderStatus, cursor?: number) =>
    callCloud<{ orders: OrderSummaryView[]; nextCursor: number | null }>('order', 'list', {
      ...(status ? { status } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  order: (orderId: string) => callCloud<OrderDetailView>('order', 'detail', { orderId }),

  couponCenter: () => callCloud<CouponTemplateView[]>('coupon', 'center'),
  claimCoupon: (templateId: string) => callCloud<CouponView>('coupon', 'claim', { templateId }),
  myCoupons: (status: 'UNUSED' | 'USED' | 'EXPIRED') =>
    callCloud<CouponView[]>('coupon', 'mine', { status }),
};
