// The product page's pre-sale entry: the 定金 and what it is worth; the pre-sale's page states
// every rule (the inflation, both phases, the ship date, forfeiture) before paying.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PresaleOfferView } from '@domain/api/views';
import { formatYuan } from '@domain/money';

export function PresaleEntry({ offer }: { offer: PresaleOfferView }) {
  return (
    <View
      className="section presale-entry"
      onClick={() =>
        Taro.navigateTo({
          url: `/packages/presale/index?campaign=${encodeURIComponent(offer.campaignId)}`,
        })
      }
    >
      <Text className="section-title">{`定金膨胀预售 · ${offer.label}`}</Text>
      <Text className="presale-entry-deal">
        {`付定金 ${formatYuan(offer.depositFen)} 抵 ${formatYuan(offer.creditFen)}，邀好友付定金最高抵 ${formatYuan(offer.capFen)} ›`}
      </Text>
    </View>
  );
}
