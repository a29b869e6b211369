// Product detail: images, price, the spec picker with stock per SKU, add to cart or buy now.
// One call (catalog.product) loads everything the page shows.
import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { ProductDetailView } from '@domain/api/views';
import { chosenSku, initialSelection, type Selection } from '@domain/sku-selection';
import { api } from '../../../services/api';
import { cartStore } from '../../../stores/cart';
import { Price } from '../../../components/Price';
import { SkuPicker } from '../../../components/SkuPicker';
import { ErrorState, Loading } from '../../../components/StateView';
import './index.scss';

function ProductDetailPage() {
  const { params } = useRouter();
  const productId = params.id ?? '';
  const [product, setProduct] = useState<ProductDetailView | null>(null);
  const [error, setError] = useState('');
  const [selection, setSelection] = useState<Selection>([]);
  const [qty, setQty] = useState(1);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError('');
    const res = await api.product(productId);
    if (!res.ok) return setError(res.message);
    setProduct(res.data);
    setSelection(initialSelection(res.data.skus, res.data.specs.length));
    void Taro.setNavigationBarTitle({ title: res.data.title });
  }, [productId]);

  useEffect(() => {
    void load();
  }, [load]);
  // Coming back to the page (after buying, say): prices and stock may have changed.
  useDidShow(() => {
    if (product) void load();
  });

  if (error) return <ErrorState message={error} onRetry={load} />;
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
  const buyNow = () => {
    if (!buyable) return Taro.showToast({ title: hint, icon: 'none' });
    void Taro.navigateTo({
      url: `/packages/checkout/index?source=buyNow&skuId=${encodeURIComponent(sku.id)}&qty=${qty}`,
    });
  };

  return (
    <View className="page product-detail">
      <Swiper className="product-gallery" indicatorDots={product.images.length > 1} circular>
        {product.images.map((src) => (
          <SwiperItem key={src}>
            <Image className="product-gallery-image" src={src} mode="aspectFill" />
          </SwiperItem>
        ))}
      </Swiper>
      <View className="section product-head">
        <Price fen={product.priceFen} original={product.originalPriceFen} size="lg" />
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
        <View className={`btn product-buy${buyable ? '' : ' disabled'}`} onClick={buyNow}>
          {sku && sku.stock <= 0 ? '已售罄' : '立即购买'}
        </View>
      </View>
    </View>
  );
}

// Observes the cart store: the bottom bar shows the cart count.
export default observer(ProductDetailPage);
