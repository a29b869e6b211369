// The cart, as the server keeps it: current prices (with this shopper's campaign prices) and
// stock, unavailable lines marked; lines are ticked for checkout (all by default), the total of
// the ticked ones shows how much more reaches free shipping, and checkout takes the ticked lines.
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CloudImage } from '../../components/CloudImage';
import { observer } from 'mobx-react-lite';
import { fen, formatYuan } from '@domain/money';
import { SHIPPING_RULE } from '@domain/pricing/shipping';
import { cartStore } from '../../stores/cart';
import { Stepper } from '../../components/Stepper';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import './index.scss';

/**
 * In the browser build Taro draws the tab bar itself over the bottom of the page (50 CSS px, its
 * own CSS variable); the bar sits above it. Set inline because any px length in a stylesheet goes
 * through Taro's unit conversion (and this one came out halved, half under the tab bar).
 */
const ABOVE_TAB_BAR =
  process.env.TARO_ENV === 'h5' ? { bottom: 'var(--taro-tabbar-height, 50px)' } : undefined;

function CartPage() {
  useDidShow(() => {
    void cartStore.load();
  });
  usePullDownRefresh(() => {
    void cartStore.load().finally(() => Taro.stopPullDownRefresh());
  });

  const view = cartStore.view;
  if (!view && cartStore.error)
    return <ErrorState message={cartStore.error} onRetry={() => cartStore.load()} />;
  if (!view) return <Loading />;
  if (view.lines.length === 0) {
    return (
      <Empty
        text="购物车还是空的"
        action="去逛逛"
        onAction={() => Taro.switchTab({ url: '/pages/home/index' })}
      />
    );
  }

  const selected = cartStore.selectedLines;
  const total = cartStore.selectedTotalFen;
  const toFreeShipping = fen(Math.max(0, SHIPPING_RULE.freeFromFen - total));
  const change = async (skuId: string, qty: number) => {
    const res = await cartStore.setQty(skuId, qty);
    if (!res.ok) void Taro.showToast({ title: res.message, icon: 'none' });
  };
  const remove = async (skuId: string) => {
    const { confirm } = await Taro.showModal({
      title: '删除商品',
      content: '确定从购物车删除这件商品吗？',
    });
    if (confirm) await cartStore.remove([skuId]);
  };
  const checkout = () => {
    if (!selected.length) return Taro.showToast({ title: '请选择要结算的商品', icon: 'none' });
    const skuIds = selected.map((l) => l.skuId).join(',');
    void Taro.navigateTo({
      url: `/packages/checkout/index?source=cart&skuIds=${encodeURIComponent(skuIds)}`,
    });
  };

  return (
    <View className="page cart">
      {view.lines.map((line) => (
        <View
          key={line.skuId}
          className={`section cart-line${line.available ? '' : ' unavailable'}`}
        >
          <View
            className={`cart-check${cartStore.isSelected(line) ? ' checked' : ''}${line.available ? '' : ' disabled'}`}
            onClick={() => cartStore.toggle(line.skuId)}
          />
          <CloudImage className="cart-line-image" src={line.image} mode="aspectFill" />
          <View className="cart-line-info">
            <Text className="cart-line-title">{line.title}</Text>
            <Text className="cart-line-spec">{line.specText}</Text>
            {line.problem ? <Text className="cart-line-problem">{line.problem}</Text> : null}
            {line.promo ? (
              <Text className="cart-line-promo">{`${line.promo.label} 到手 ${formatYuan(line.promo.amountFen)}`}</Text>
            ) : null}
            <View className="cart-line-foot">
              <Text className="cart-line-price">{formatYuan(line.unitPriceFen)}</Text>
              <Stepper
                value={line.qty}
                max={Math.max(1, Math.min(line.stock, 99))}
                onChange={(n) => change(line.skuId, n)}
              />
            </View>
          </View>
          <Text className="cart-line-remove" onClick={() => remove(line.skuId)}>
            删除
          </Text>
        </View>
      ))}
      <View className="bottom-bar cart-bar" style={ABOVE_TAB_BAR}>
        {total > 0 ? (
          <Text className="cart-shipping-nudge">
            {toFreeShipping > 0 ? `再买${formatYuan(toFreeShipping)}包邮` : '已包邮'}
          </Text>
        ) : null}
        <View className="cart-bar-main">
          <View className="cart-select-all" onClick={() => cartStore.toggleAll()}>
            <View className={`cart-check${cartStore.allSelected ? ' checked' : ''}`} />
            <Text>全选</Text>
          </View>
          <View className="cart-total">
            <Text className="muted">合计（不含运费）</Text>
            <Text className="cart-total-amount">{formatYuan(total)}</Text>
          </View>
          <View
            className={`btn cart-checkout${selected.length ? '' : ' disabled'}`}
            onClick={checkout}
          >
            去结算（{selected.reduce((n, l) => n + l.qty, 0)}）
          </View>
        </View>
      </View>
    </View>
  );
}

export default observer(CartPage);
