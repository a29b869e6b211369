import { Text, View } from '@tarojs/components';
import type { Adjustment } from '@domain/model';
import { formatYuan, type Fen } from '@domain/money';
import './Breakdown.scss';

interface Props {
  goodsFen: Fen;
  shippingFen: Fen;
  totalFen: Fen;
  /** Lines carry their own named price changes (e.g. 新人价); the order has its own (e.g. 优惠券). */
  lines: { adjustments: Adjustment[] }[];
  adjustments: Adjustment[];
  totalLabel?: string;
}

/** The amounts as the server quoted them: goods, each named discount, shipping, total. */
export function Breakdown({
  goodsFen,
  shippingFen,
  totalFen,
  lines,
  adjustments: orderAdjustments,
  totalLabel = '实付',
}: Props) {
  const adjustments = [...lines.flatMap((l) => l.adjustments), ...orderAdjustments];
  return (
    <View className="breakdown">
      <View className="breakdown-row">
        <Text>商品金额</Text>
        <Text>{formatYuan(goodsFen)}</Text>
      </View>
      {adjustments.map((a, i) => (
        <View key={`${a.code}-${i}`} className="breakdown-row adjustment">
          <Text>{a.label}</Text>
          <Text>{formatYuan(a.amountFen)}</Text>
        </View>
      ))}
      <View className="breakdown-row">
        <Text>运费</Text>
        <Text>{shippingFen > 0 ? formatYuan(shippingFen) : '包邮'}</Text>
      </View>
      <View className="breakdown-row total">
        <Text>{totalLabel}</Text>
        <Text className="breakdown-total">{formatYuan(totalFen)}</Text>
      </View>
    </View>
  );
}
