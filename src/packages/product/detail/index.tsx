// Product detail: images, price, the spec picker with stock per SKU, add to cart or buy now.
// One call (catalog.product) loads everything the page shows.
import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Gallery } from '../../../components/Gallery';
import { observer } from 'mobx-react-lite';
import { chosenSku, initialSelection, type Selection } from '@domain/sku-selection';
import { api } from '../../../services/api';
import { useCloudData } from '../../../hooks/useCloudData';
import { cartStore } from '../../../stores/cart';
import { SkuPrice } from '../../../components/SkuPrice';
import { SkuPicker } from '../../../components/SkuPicker';
import { ErrorState, Loading } from '../../../components/StateView';
import { ShareButton } from '../../../components/ShareButton';
import { useShare } from '../../../services/share';
import { askForNotices } from '../../../services/subscribe';
import { AssistEntry } from './AssistEntry';
import { GroupEntry } from './GroupEntry';
import { PresaleEntry } from './PresaleEntry';
import { BlindBoxEntry } from './BlindBoxEntry';
import './index.scss';

function ProductDetailPage() {
  const { params } = useRouter();
  const productId = params.id ?? '';
  const [selection, setSelection] = useState<Selection>([]);
  const [qty, setQty] = useState(1);
  const [busy, setBusy] = useState(false);
  const firstLoad = useRef(true);
  const target = { kind: 'product' as const, id: productId };
  const titleRef = useRef('');
  useShare(target, () => titleRef.current);

  // Shown again (after buying, say), the page reloads: prices and stock may have changed; the
  // shopper's choice of spec stays.
  const {
    data: product,
    error,
    retry,
  } = useCloudData(async () => {
    const res = await api.product(productId);
    if (res.ok) titleRef.current = res.data.title;
    if (res.ok && firstLoad.current) {
      firstLoad.current = false;
      setSelection(initialSelection(res.data.skus, res.data.specs.length));
      void Taro.setNavigationBarTitle({ title: res.data.title });
    }
    return res;
  }, [productId]);

  if (error && !product) return <ErrorState message={error} onRetry={retry} />;
  if (!product) return <Loading />;

  const sku = chosenSku(product.skus, selection);
  const buyable = !!sku && sku.stock >= qty;
  const hint = !sku ? '请选择规格' : sku.stock <= 0 ? '该规格已售罄' : `库存仅剩 ${sku.stock} 件`;

  const addToCart = async () => {
    if (!buyable || busy) return Taro.showToast({ title: hint, icon: 'none' });
    setBusy(true);
    const res = await cartStore.add(sku.id, qty);
    setBusy(false);
    void Taro.showToast({
      title: res.ok ? '已加入购物车' : res.message,
      icon: res.ok ? 'success' : 'none',
    });
  };
  // 到货提醒: the opt-in is asked for in the tap itself, then the reminder is recorded.
  const remindMe = async () => {
    if (!sku) return;
    await askForNotices(['BACK_IN_STOCK'], '到货提醒');
    const res = await api.remind({ kind: 'BACK_IN_STOCK', skuId: sku.id });
    void Taro.showToast({ title: res.ok ? '到货后通知你' : res.message, icon: 'none' });
  };
  const buyNow = () => {
    if (!buyable) return Taro.showToast({ title: hint, icon: 'none' });
    void Taro.navigateTo({
      url: `/packages/checkout/index?source=buyNow&skuId=${encodeURIComponent(sku.id)}&qty=${qty}`,
    });
  };

  return (
    <View className="page product-detail">
      <Gallery images={product.images} />
      <View className="section product-head">
        <SkuPrice product={product} sku={sku} />
        <Text className="product-title">{product.title}</Text>
        <Text className="product-subtitle">{product.subtitle}</Text>
        <View className="product-meta">
          {product.tags.map((t) => (
            <Text key={t} className="tag">
              {t}
            </Text>
          ))}
          <Text className="muted">已售 {product.sales}</Text>
        </View>
        <View className="product-share">
          <ShareButton target={target} />
          <View
            className="share-button product-poster-link"
            onClick={() =>
              Taro.navigateTo({
                url: `/packages/promote/poster/index?productId=${encodeURIComponent(productId)}`,
              })
            }
          >
            生成海报
          </View>
        </View>
      </View>
      <View className="section">
        <SkuPicker
          product={product}
          selection={selection}
          qty={qty}
          onSelect={(s) => (setSelection(s), setQty(1))}
          onQty={setQty}
        />
      </View>
      {product.group ? <GroupEntry offer={product.group} skuId={sku?.id ?? null} /> : null}
      {product.assist ? <AssistEntry offer={product.assist} skuId={sku?.id ?? null} /> : null}
      {product.presale ? <PresaleEntry offer={product.presale} /> : null}
      {product.blindBox ? <BlindBoxEntry offer={product.blindBox} /> : null}
      <View className="section">
        <Text className="section-title">商品介绍</Text>
        <Text className="product-description">{product.description}</Text>
      </View>
      <View className="bottom-bar">
        <View
          className="product-cart-link"
          onClick={() => Taro.switchTab({ url: '/pages/cart/index' })}
        >
          购物车{cartStore.count ? `(${cartStore.count})` : ''}
        </View>
        <View className={`btn soft product-add${buyable ? '' : ' disabled'}`} onClick={addToCart}>
          加入购物车
        </View>
        {sku && sku.stock <= 0 ? (
          <View className="btn product-remind" onClick={remindMe}>
            到货提醒
          </View>
        ) : (
          <View className={`btn product-buy${buyable ? '' : ' disabled'}`} onClick={buyNow}>
            立即购买
          </View>
        )}
      </View>
    </View>
  );
}

// Observes the cart store: the bottom bar shows the cart count.
export default observer(ProductDetailPage);
