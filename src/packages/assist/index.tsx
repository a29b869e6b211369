// An assist's page (the link its starter shares): the price, the floor, each help's fixed cut and
// who gave it, the price reached, the countdown and the rules. Friends help with one tap; the
// starter buys at the price reached (once), or shares it on.
import { useRef } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuan } from '@domain/money';
import { CloudImage } from '../../components/CloudImage';
import { Countdown } from '../../components/Countdown';
import { ShareButton } from '../../components/ShareButton';
import { ErrorState, Loading } from '../../components/StateView';
import { useCloudData } from '../../hooks/useCloudData';
import { api } from '../../services/api';
import { useShare } from '../../services/share';
import './index.scss';

export default function AssistPage() {
  const { params } = useRouter();
  const assistId = params.id ?? '';
  const target = { kind: 'assist' as const, id: assistId };
  const title = useRef('帮我点一下，一起把价格减下来');
  useShare(target, () => title.current);
  const {
    data: assist,
    error,
    retry,
    refresh,
  } = useCloudData(async () => {
    const res = await api.assist(assistId);
    if (res.ok)
      title.current = `帮我助力「${res.data.title}」，减到 ${formatYuan(res.data.floorFen)}`;
    return res;
  }, [assistId]);

  if (error && !assist) return <ErrorState message={error} onRetry={retry} />;
  if (!assist) return <Loading />;

  const help = async () => {
    const res = await api.helpAssist(assist.id);
    if (!res.ok) return Taro.showToast({ title: res.message, icon: 'none' });
    const cut = res.data.cuts[res.data.helpCount - 1]?.cutFen;
    void Taro.showToast({
      title: `助力成功${cut ? `，减了 ${formatYuan(cut)}` : ''}`,
      icon: 'none',
    });
    await refresh();
  };
  const buy = () =>
    Taro.navigateTo({
      url:
        `/packages/checkout/index?source=buyNow&skuId=${encodeURIComponent(assist.skuId)}&qty=1` +
        `&assistId=${encodeURIComponent(assist.id)}`,
    });
  const collecting = assist.status === 'ACTIVE' && assist.statusText !== '已结束';

  return (
    <View className="page assist-page">
      <View className="section assist-product">
        <CloudImage className="assist-image" src={assist.image} mode="aspectFill" />
        <View className="assist-product-info">
          <Text className="assist-title">{assist.title}</Text>
          <Text className="assist-current">{`当前价 ${formatYuan(assist.currentFen)}`}</Text>
          <Text className="muted assist-list">{`原价 ${formatYuan(assist.listFen)} · 底价 ${formatYuan(assist.floorFen)}`}</Text>
          <Text className="assist-status">{`${assist.starter} 发起 · ${assist.statusText}`}</Text>
        </View>
      </View>
      <View className="section">
        <Text className="assist-progress">{`已有 ${assist.helpCount}/${assist.cuts.length} 位好友助力`}</Text>
        {collecting ? <Countdown until={assist.expiresAt} prefix="距结束 " /> : null}
        <View className="assist-cuts">
          {assist.cuts.map((c, i) => (
            <View key={i} className={`assist-cut${c.helper ? ' done' : ''}`}>
              <Text>{`第 ${i + 1} 位`}</Text>
              <Text>{`-${formatYuan(c.cutFen)}`}</Text>
              <Text className="assist-cut-helper">{c.helper ?? '待助力'}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="section assist-actions">
        {assist.me.starter ? (
          <>
            {assist.canBuy ? (
              <View className="btn assist-buy" onClick={buy}>
                {`以 ${formatYuan(assist.currentFen)} 购买`}
              </View>
            ) : null}
            {assist.orderId ? (
              <View
                className="btn soft assist-order"
                onClick={() =>
                  Taro.navigateTo({
                    url: `/packages/orders/detail/index?id=${encodeURIComponent(assist.orderId!)}`,
                  })
                }
              >
                查看订单
              </View>
            ) : null}
            {collecting ? (
              <ShareButton target={target} label="邀请好友助力" className="assist-share" />
            ) : null}
          </>
        ) : (
          <>
            <View
              className={`btn assist-help${assist.helpProblem ? ' disabled' : ''}`}
              onClick={assist.helpProblem ? undefined : help}
            >
              {assist.me.helped ? '已助力' : '帮 TA 助力'}
            </View>
            {assist.helpProblem && !assist.me.helped ? (
              <Text className="muted assist-help-problem">{assist.helpProblem}</Text>
            ) : null}
            <View
              className="btn soft assist-own"
              onClick={() =>
                Taro.navigateTo({
                  url: `/packages/product/detail/index?id=${encodeURIComponent(assist.productId)}`,
                })
              }
            >
              我也要发起
            </View>
          </>
        )}
      </View>
      <View className="section assist-rules">
        <Text className="section-title">助力规则</Text>
        {assist.rules.map((r, i) => (
          <Text key={i} className="assist-rule">{`${i + 1}. ${r}`}</Text>
        ))}
      </View>
    </View>
  );
}
