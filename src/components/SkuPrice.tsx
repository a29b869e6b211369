import { Text, View } from '@tarojs/components';
import type { ProductDetailView, SkuView } from '@domain/api/views';
import { Countdown } from './Countdown';
import { Price } from './Price';
import './SkuPrice.scss';

/**
 * The product page's one price: the chosen SKU's, with this shopper's campaign price (its label,
 * the list price struck through, the countdown and the per-user limit); with no SKU chosen, the
 * lowest price "起".
 */
export function SkuPrice({ product, sku }: { product: ProductDetailView; sku: SkuView | null }) {
  if (!sku)
    return (
      <View className="sku-price">
        <Price fen={product.priceFen} original={product.originalPriceFen} size="lg" />
        <Text className="sku-price-from">起</Text>
      </View>
    );
  const promo = sku.promo;
  if (!promo)
    return (
      <View className="sku-price">
        <Price fen={sku.priceFen} original={sku.originalPriceFen} size="lg" />
      </View>
    );
  return (
    <View className="sku-price promo">
      <View className="sku-price-row">
        <Text className="sku-price-label">{promo.label}</Text>
        <Price fen={promo.priceFen} original={sku.priceFen} size="lg" />
      </View>
      <View className="sku-price-row sku-price-notes">
        {promo.limitPerUser ? (
          <Text className="sku-price-limit">每人限 {promo.limitPerUser} 件，超出按原价</Text>
        ) : null}
        {promo.endsAt ? <Countdown until={promo.endsAt} prefix="距结束 " /> : null}
      </View>
    </View>
  );
}
