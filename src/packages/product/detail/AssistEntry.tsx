// The product page's friend-assist entry, with everything stated before starting: how many
// friends, what each help takes off, the floor; 发起助力 starts one (asking, in the tap, to be
// told when it reaches the floor) and opens its page.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { AssistOfferView } from '@domain/api/views';
import { cutsText } from '@domain/assist';
import { formatYuan } from '@domain/money';
import { api } from '../../../services/api';
import { askForNotices } from '../../../services/subscribe';

export function AssistEntry({ offer, skuId }: { offer: AssistOfferView; skuId: string | null }) {
  const sku = offer.skus.find((s) => s.skuId === skuId) ?? null;
  const start = async () => {
    if (!sku) return Taro.showToast({ title: '请选择参加助力的规格', icon: 'none' });
    if (process.env.TARO_ENV !== 'h5') await askForNotices(['ASSIST_DONE'], '助力完成通知');
    const res = await api.startAssist(offer.campaignId, sku.skuId);
    if (!res.ok) return Taro.showToast({ title: res.message, icon: 'none' });
    void Taro.navigateTo({ url: `/packages/assist/index?id=${encodeURIComponent(res.data.id)}` });
  };
  const shown = sku ?? offer.skus[0];
  return (
    <View className="section assist-entry">
      <Text className="section-title">{`好友助力 · ${offer.helps} 位好友助力到底价`}</Text>
      <Text className="assist-entry-floor">{`底价 ${formatYuan(shown.floorFen)}`}</Text>
      <Text className="muted">
        {sku
          ? `${cutsText(sku.cuts)}；减价固定不随机，发起后 24 小时内可按当前价购买一次`
          : '所选规格不参加助力'}
      </Text>
      <View className={`btn assist-start${sku ? '' : ' disabled'}`} onClick={start}>
        发起助力
      </View>
    </View>
  );
}
