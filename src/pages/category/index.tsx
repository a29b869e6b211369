// Categories on the left, the chosen category's products on the right: one call per choice.
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { CloudImage } from '../../components/CloudImage';
import type { CategoryPageView } from '@domain/api/views';
import { api } from '../../services/api';
import { uiStore } from '../../stores/ui';
import { openProduct } from '../../components/ProductCard';
import { Price } from '../../components/Price';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import './index.scss';

export default function CategoryPage() {
  const [view, setView] = useState<CategoryPageView | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (categoryId?: string) => {
    setLoading(true);
    setError('');
    const res = await api.category(categoryId);
    setLoading(false);
    if (!res.ok) return setError(res.message);
    setView(res.data);
  }, []);

  useDidShow(() => {
    const wanted = uiStore.categoryId;
    if (!view || (wanted && wanted !== view.categoryId)) void load(wanted ?? view?.categoryId);
  });

  usePullDownRefresh(() => {
    void load(view?.categoryId).finally(() => Taro.stopPullDownRefresh());
  });

  if (error && !view)
    return <ErrorState message={error} onRetry={() => load(uiStore.categoryId)} />;
  if (!view) return <Loading />;

  return (
    <View className="category-page">
      <ScrollView scrollY className="category-nav">
        {view.categories.map((c) => (
          <View
            key={c.id}
            className={`category-nav-item${c.id === view.categoryId ? ' active' : ''}`}
            onClick={() => {
              uiStore.chooseCategory(c.id);
              void load(c.id);
            }}
          >
            {c.name}
          </View>
        ))}
      </ScrollView>
      <ScrollView scrollY className="category-products">
        {loading ? <Loading /> : null}
        {!loading && view.products.length === 0 ? <Empty text="这个分类暂时没有商品" /> : null}
        {!loading &&
          view.products.map((p) => (
            <View key={p.id} className="category-product" onClick={() => openProduct(p.id)}>
              <CloudImage
                className="category-product-image"
                src={p.image}
                mode="aspectFill"
                lazyLoad
              />
              <View className="category-product-info">
                <Text className="category-product-title">{p.title}</Text>
                <Text className="category-product-sub">{p.subtitle}</Text>
                <View className="category-product-foot">
                  <Price fen={p.priceFen} original={p.originalPriceFen} size="sm" />
                  {p.soldOut ? (
                    <Text className="muted">已售罄</Text>
                  ) : (
                    <Text className="muted">已售 {p.sales}</Text>
                  )}
                </View>
              </View>
            </View>
          ))}
      </ScrollView>
    </View>
  );
}
