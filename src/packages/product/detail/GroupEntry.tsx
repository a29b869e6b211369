// The product page's group-buying entry: the chosen SKU's tiers (the more join, the lower
// everyone pays), 发起拼团 (open a group: checkout at the first tier) and 一键参团 (the open group
// closest to its next tier, or an invitation to open one when there is none).
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { GroupOfferView } from '@domain/api/views';
import { tiersText } from '@domain/groups';
import { api } from '../../../services/api';

const checkoutUrl = (campaignId: string, skuId: string, groupId?: string) =>
  `/packages/checkout/index?source=buyNow&skuId=${encodeURIComponent(skuId)}&qty=1` +
  `&groupCampaign=${encodeURIComponent(campaignId)}` +
  (groupId ? `&groupId=${encodeURIComponent(groupId)}` : '');

export function GroupEntry({ offer, skuId }: { offer: GroupOfferView; skuId: string | null }) {
  const sku = offer.skus.find((s) => s.skuId === skuId) ?? null;
  const open = () => {
    if (!sku) return Taro.showToast({ title: '请选择参加拼团的规格', icon: 'none' });
    void Taro.navigateTo({ url: checkoutUrl(offer.campaignId, sku.skuId) });
  };
  const join = async () => {
    if (!sku) return Taro.showToast({ title: '请选择参加拼团的规格', icon: 'none' });
    const res = await api.pickGroup(offer.campaignId, sku.skuId);
    if (!res.ok) return Taro.showToast({ title: res.message, icon: 'none' });
    if (!res.data.groupId)
      return Taro.showToast({ title: '暂时没有可参加的团，自己开一个吧', icon: 'none' });
    void Taro.navigateTo({
      url: `/packages/group/index?id=${encodeURIComponent(res.data.groupId)}`,
    });
  };
  const tiers = sku?.tiers ?? offer.skus[0].tiers;
  return (
    <View className="section group-entry">
      <Text className="section-title">{`阶梯拼团 · ${offer.hours} 小时成团`}</Text>
      <Text className="group-entry-tiers">{tiersText(tiers)}</Text>
      <Text className="muted">
        {sku
          ? '先按第一档价格付款，人越多越便宜，成团后自动退差价；不成团全额退款'
          : '所选规格不参加拼团'}
      </Text>
      <View className="group-entry-actions">
        <View className={`btn soft group-join${sku ? '' : ' disabled'}`} onClick={join}>
          一键参团
        </View>
        <View className={`btn group-open${sku ? '' : ' disabled'}`} onClick={open}>
          发起拼团
        </View>
      </View>
    </View>
  );
}
