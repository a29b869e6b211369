// Categories on the left, the chosen category's products on the right: one call per choice,
// fresh when the tab is shown again and on pull-down.
import { observer } from 'mobx-react-lite';
import { ScrollView, Text, View } from '@tarojs/components';
import { CloudImage } from '../../components/CloudImage';
import { api } from '../../services/api';
import { useCloudData } from '../../hooks/useCloudData';
import { uiStore } from '../../stores/ui';
import { openProduct } from '../../components/ProductCard';
import { Price } from '../../components/Price';
import { Empty, ErrorState, Loading } from '../../components/StateView';
import './index.scss';

function CategoryPage() {
  // The category chosen here or on the home page (tab pages take no query: see uiStore).
  const wanted = uiStore.categoryId;
  const { data: view, error, loading, retry } = useCloudData(() => api.category(wanted), [wanted]);

  if (error && !view) return <ErrorState message={error} onRetry={retry} />;
  if (!view) return <Loading />;

  return (
    <View className="category-page">
      <ScrollView scrollY className="category-nav">
        {view.categories.map((c) => (
          <View
            key={c.id}
            className={`category-nav-item${c.id === view.categoryId ? ' active' : ''}`}
            onClick={() => uiStore.chooseCategory(c.id)}
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

// Observes uiStore: a category chosen on the home page shows when the tab opens.
export default observer(CategoryPage);
