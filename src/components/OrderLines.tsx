import { Text, View } from '@tarojs/components';
import { CloudImage } from './CloudImage';
import { formatYuan, type Fen } from '@domain/money';
import './OrderLines.scss';

export interface LineLike {
  skuId?: string;
  title: string;
  specText: string;
  image: string;
  qty: number;
  unitPriceFen?: Fen;
  amountFen: Fen;
}

export function OrderLines({ lines }: { lines: LineLike[] }) {
  return (
    <View className="order-lines">
      {lines.map((l, i) => (
        <View key={l.skuId ?? i} className="order-line">
          <CloudImage className="order-line-image" src={l.image} mode="aspectFill" />
          <View className="order-line-info">
            <Text className="order-line-title">{l.title}</Text>
            <Text className="order-line-spec">{l.specText}</Text>
          </View>
          <View className="order-line-amount">
            <Text>{formatYuan(l.amountFen)}</Text>
            <Text className="muted">×{l.qty}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
