import { Text, View } from '@tarojs/components';
import { formatYuan, type Fen } from '@domain/money';
import './Price.scss';

/** A price in yuan from fen, with the original price struck through when given. */
export function Price({
  fen,
  original,
  size = 'md',
}: {
  fen: Fen;
  original?: Fen;
  size?: 'sm' | 'md' | 'lg';
}) {
  const text = formatYuan(fen, '');
  const [yuan, cents] = text.split('.');
  return (
    <View className={`price price-${size}`}>
      <Text className="price-symbol">¥</Text>
      <Text className="price-yuan">{yuan}</Text>
      <Text className="price-cents">.{cents}</Text>
      {original !== undefined && original > fen ? (
        <Text className="price-original">{formatYuan(original)}</Text>
      ) : null}
    </View>
  );
}
