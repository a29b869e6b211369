import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CloudImage } from './CloudImage';
import type { ProductCardView } from '@domain/api/views';
import { Price } from './Price';
import './ProductCard.scss';

export function openProduct(id: string) {
  void Taro.navigateTo({ url: `/packages/product/detail/index?id=${encodeURIComponent(id)}` });
}

export function ProductCard({ product }: { product: ProductCardView }) {
  return (
    <View
      className={`product-card${product.soldOut ? ' sold-out' : ''}`}
      onClick={() => openProduct(product.id)}
    >
      <View className="product-card-image-wrap">
        <CloudImage className="product-card-image" src={product.image} mode="aspectFill" lazyLoad />
        {product.soldOut ? <View className="product-card-badge">已售罄</View> : null}
      </View>
      <View className="product-card-body">
        <Text className="product-card-title">{product.title}</Text>
        <View className="product-card-tags">
          {product.tags.slice(0, 2).map((t) => (
            <Text key={t} className="tag">
              {t}
            </Text>
          ))}
        </View>
        <View className="product-card-foot">
          {product.promo ? (
            <View className="product-card-promo">
              <Text className="product-card-promo-label">{product.promo.label}</Text>
              <Price fen={product.promo.priceFen} original={product.priceFen} size="sm" />
            </View>
          ) : (
            <>
              <Price fen={product.priceFen} original={product.originalPriceFen} size="sm" />
              <Text className="muted">已售 {product.sales}</Text>
            </>
          )}
        </View>
      </View>
    </View>
  );
}

export function ProductGrid({ products }: { products: ProductCardView[] }) {
  return (
    <View className="product-grid">
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </View>
  );
}
