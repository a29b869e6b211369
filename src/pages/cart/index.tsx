// The cart, as the server keeps it: current prices and stock, unavailable lines marked, and
// checkout of the lines that can be bought.
import Taro, { useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { addFen, formatYuan, mulFen } from '@domain/money';
import { cartStore } from '../../stores/cart';
import { Stepper } from '../../components/Stepper';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import './index.scss';

function CartPage() {
  useDidShow(() => {
    void cartStore.load();
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

  const buyable = view.lines.filter((l) => l.available);
  const total = addFen(...buyable.map((l) => mulFen(l.unitPriceFen, l.qty)));
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
    if (!buyable.length) return Taro.showToast({ title: '没有可结算的商品', icon: 'none' });
    const skuIds = buyable.map((l) => l.skuId).join(',');
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
          <Image className="cart-line-image" src={line.image} mode="aspectFill" />
          <View className="cart-line-info">
            <Text className="cart-line-title">{line.title}</Text>
            <Text className="cart-line-spec">{line.specText}</Text>
            {line.problem ? <Text className="cart-line-problem">{line.problem}</Text> : null}
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
      <View
        className={`bottom-bar cart-bar${process.env.TARO_ENV === 'h5' ? ' above-h5-tabbar' : ''}`}
      >
        <View className="cart-total">
          <Text className="muted">合计（不含运费）</Text>
          <Text className="cart-total-amount">{formatYuan(total)}</Text>
        </View>
        <View
          className={`btn cart-checkout${buyable.length ? '' : ' disabled'}`}
          onClick={checkout}
        >
          去结算（{buyable.reduce((n, l) => n + l.qty, 0)}）
        </View>
      </View>
    </View>
  );
}

export default observer(CartPage);
