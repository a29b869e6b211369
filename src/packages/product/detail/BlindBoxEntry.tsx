// The product page of a blind box: its odds and rules are on the box's page, before paying.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuan, type Fen } from '@domain/money';

export function BlindBoxEntry({
  offer,
}: {
  offer: { campaignId: string; label: string; boxFen: Fen };
}) {
  return (
    <View
      className="section blindbox-entry"
      onClick={() =>
        Taro.navigateTo({
          url: `/packages/blindbox/index?campaign=${encodeURIComponent(offer.campaignId)}`,
        })
      }
    >
      <Text className="section-title">{`幸运盲盒 · ${formatYuan(offer.boxFen)}`}</Text>
      <Text className="muted">查看能开出什么、你的概率和规则 ›</Text>
    </View>
  );
}
