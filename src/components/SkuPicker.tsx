import { Text, View } from '@tarojs/components';
import type { ProductDetailView } from '@domain/api/views';
import { chosenSku, valueState, type Selection } from '@domain/sku-selection';
import { Stepper } from './Stepper';
import './SkuPicker.scss';

interface Props {
  product: ProductDetailView;
  selection: Selection;
  qty: number;
  onSelect: (selection: Selection) => void;
  onQty: (qty: number) => void;
}

/**
 * Spec values per dimension (sold-out values shown but not pickable), the chosen SKU's stock and
 * the quantity. Its price is the page's one price (SkuPrice), not repeated here.
 */
export function SkuPicker({ product, selection, qty, onSelect, onQty }: Props) {
  const sku = chosenSku(product.skus, selection);
  const pick = (dimension: number, value: string) => {
    const next = [...selection];
    next[dimension] = next[dimension] === value ? null : value;
    onSelect(next);
  };
  return (
    <View className="sku-picker">
      <View className="sku-summary">
        <Text className="sku-stock">
          {sku ? (sku.stock > 0 ? `库存 ${sku.stock} 件` : '该规格已售罄') : '请选择规格'}
        </Text>
      </View>
      {product.specs.map((dimension, d) => (
        <View key={dimension.name} className="sku-dimension">
          <Text className="sku-dimension-name">{dimension.name}</Text>
          <View className="sku-values">
            {dimension.values.map((value) => {
              const state = valueState(product.skus, selection, d, value);
              const selected = selection[d] === value;
              return (
                <View
                  key={value}
                  className={`sku-value${selected ? ' selected' : ''}${state !== 'available' ? ' sold-out' : ''}`}
                  onClick={() => state === 'available' && pick(d, value)}
                >
                  {value}
                  {state === 'soldOut' ? <Text className="sku-value-note">售罄</Text> : null}
                </View>
              );
            })}
          </View>
        </View>
      ))}
      <View className="sku-qty">
        <Text className="sku-dimension-name">数量</Text>
        <Stepper value={qty} max={Math.max(1, Math.min(sku?.stock ?? 1, 99))} onChange={onQty} />
      </View>
    </View>
  );
}
