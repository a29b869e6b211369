// A group's page (the link a leader shares): the tiers with the one reached highlighted, the
// members, how many more the next tier needs, the countdown, share buttons and the rules stated
// up front; 参团 takes a seat through the checkout at the first tier's price.
import { useRef } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { GroupView } from '@domain/api/views';
import { formatYuan } from '@domain/money';
import { CloudImage } from '../../components/CloudImage';
import { Countdown } from '../../components/Countdown';
import { ShareButton } from '../../components/ShareButton';
import { ErrorState, Loading } from '../../components/StateView';
import { useCloudData } from '../../hooks/useCloudData';
import { api } from '../../services/api';
import { useShare } from '../../services/share';
import './index.scss';

function headline(group: GroupView): string {
  if (group.status === 'SUCCEEDED')
    return `拼团成功：${group.paidCount} 人成团，每件 ${formatYuan(group.currentPriceFen)}`;
  if (group.status === 'FAILED') return '拼团未成功，已全额原路退款';
  if (group.status === 'PENDING') return '等待团长付款';
  return group.next
    ? `再邀 ${group.next.missing} 人，每件降到 ${formatYuan(group.next.priceFen)}`
    : '已到最高档，人满即成团';
}

export default function GroupPage() {
  const { params } = useRouter();
  const groupId = params.id ?? '';
  const target = { kind: 'group' as const, id: groupId };
  const title = useRef('一起拼团，人越多越便宜');
  useShare(target, () => title.current);
  const {
    data: group,
    error,
    retry,
  } = useCloudData(async () => {
    const res = await api.group(groupId);
    if (res.ok)
      title.current = `${res.data.title}：拼团低至 ${formatYuan(res.data.tiers[res.data.tiers.length - 1].priceFen)}`;
    return res;
  }, [groupId]);

  if (error && !group) return <ErrorState message={error} onRetry={retry} />;
  if (!group) return <Loading />;

  const join = () =>
    Taro.navigateTo({
      url:
        `/packages/checkout/index?source=buyNow&skuId=${encodeURIComponent(group.skuId)}&qty=1` +
        `&groupCampaign=${encodeURIComponent(group.campaignId)}&groupId=${encodeURIComponent(group.id)}`,
    });
  const open = group.status === 'OPEN';

  return (
    <View className="page group-page">
      <View className="section group-product">
        <CloudImage className="group-image" src={group.image} mode="aspectFill" />
        <View className="group-product-info">
          <Text className="group-title">{group.title}</Text>
          <Text className="group-price">{`当前每件 ${formatYuan(group.currentPriceFen)}`}</Text>
          <Text className={`group-status status-${group.status.toLowerCase()}`}>
            {group.statusText}
          </Text>
        </View>
      </View>
      <View className="section">
        <View className="group-tiers">
          {group.tiers.map((t) => (
            <View
              key={t.size}
              className={`group-tier${t.current ? ' current' : ''}${t.reached ? ' reached' : ''}`}
            >
              <Text className="group-tier-size">{`${t.size}人团`}</Text>
              <Text className="group-tier-price">{formatYuan(t.priceFen)}</Text>
            </View>
          ))}
        </View>
        <Text className="group-headline">{headline(group)}</Text>
        {open && group.deadline ? <Countdown until={group.deadline} prefix="距结束 " /> : null}
        <View className="group-members">
          {group.members.map((m, i) => (
            <View key={i} className={`group-member${m.paid ? '' : ' holding'}${m.me ? ' me' : ''}`}>
              <Text className="group-avatar">{m.initial}</Text>
              <Text className="group-member-name">{m.leader ? '团长' : m.nickname}</Text>
            </View>
          ))}
          {open
            ? Array.from({ length: Math.min(3, group.maxSize - group.seatCount) }, (_, i) => (
                <View key={`empty-${i}`} className="group-member empty">
                  <Text className="group-avatar">?</Text>
                </View>
              ))
            : null}
        </View>
        {group.me?.refundFen ? (
          <Text className="group-refund">{`已退还 ${formatYuan(group.me.refundFen)}，原路退回`}</Text>
        ) : null}
      </View>
      <View className="section group-actions">
        {group.joinable ? (
          <View className="btn group-join" onClick={join}>
            {`${formatYuan(group.tiers[0].priceFen)} 参团`}
          </View>
        ) : null}
        {open ? <ShareButton target={target} label="邀请好友参团" className="group-share" /> : null}
        {open ? (
          <View
            className="btn soft group-poster"
            onClick={() =>
              Taro.navigateTo({
                url: `/packages/promote/poster/index?groupId=${encodeURIComponent(group.id)}`,
              })
            }
          >
            生成拼团海报
          </View>
        ) : null}
        {group.me ? (
          <View
            className="btn soft group-my-order"
            onClick={() =>
              Taro.navigateTo({
                url: `/packages/orders/detail/index?id=${encodeURIComponent(group.me!.orderId)}`,
              })
            }
          >
            查看我的订单
          </View>
        ) : null}
        {!open && !group.me ? (
          <View
            className="btn soft"
            onClick={() =>
              Taro.navigateTo({
                url: `/packages/product/detail/index?id=${encodeURIComponent(group.productId)}`,
              })
            }
          >
            这个团已结束，去开个新团
          </View>
        ) : null}
      </View>
      <View className="section group-rules">
        <Text className="section-title">拼团规则</Text>
        {group.rules.map((r, i) => (
          <Text key={i} className="group-rule">{`${i + 1}. ${r}`}</Text>
        ))}
      </View>
    </View>
  );
}
