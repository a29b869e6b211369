// A deposit-inflation pre-sale's page: every rule before paying (the 定金 and what it is worth,
// the inflation per friend and its cap, both phases, the ship date) with the forfeiture
// highlighted; then the buyer's own part: pay the deposit, invite friends (their deposits raise
// the credit), cancel in the deposit phase, pay the final payment in its phase.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PresaleView } from '@domain/api/views';
import { formatYuan } from '@domain/money';
import { CloudImage } from '../../components/CloudImage';
import { ShareButton } from '../../components/ShareButton';
import { ErrorState, Loading } from '../../components/StateView';
import { useCloudData } from '../../hooks/useCloudData';
import { api } from '../../services/api';
import { useShare } from '../../services/share';
import './index.scss';

const checkout = (p: PresaleView, step: 'DEPOSIT' | 'FINAL') =>
  Taro.navigateTo({
    url:
      `/packages/checkout/index?source=buyNow&skuId=${encodeURIComponent(p.skuId)}&qty=1` +
      `&presaleCampaign=${encodeURIComponent(p.campaignId)}&presaleStep=${step}`,
  });

export default function PresalePage() {
  const { params } = useRouter();
  const campaignId = params.campaign ?? '';
  const target = { kind: 'presale' as const, id: campaignId };
  const {
    data: p,
    error,
    retry,
    refresh,
  } = useCloudData(() => api.presale(campaignId), [campaignId]);
  useShare(target, () =>
    p ? `${p.title}：付定金 ${formatYuan(p.depositFen)} 抵 ${formatYuan(p.creditFen)}` : '定金预售',
  );
  if (error && !p) return <ErrorState message={error} onRetry={retry} />;
  if (!p) return <Loading />;

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消定金',
      content: `取消后定金 ${formatYuan(p.depositFen)} 原路退回，膨胀的抵扣也不再保留。确定？`,
    });
    if (!confirm) return;
    const res = await api.cancelDeposit(campaignId);
    void Taro.showToast({ title: res.ok ? '定金已退回' : res.message, icon: 'none' });
    if (res.ok) await refresh();
  };

  return (
    <View className="page presale-page">
      <View className="section presale-product">
        <CloudImage className="presale-image" src={p.image} mode="aspectFill" />
        <View className="presale-product-info">
          <Text className="presale-title">{p.title}</Text>
          <Text className="presale-deal">{`定金 ${formatYuan(p.depositFen)} 抵 ${formatYuan(p.creditFen)}`}</Text>
          <Text className="muted">{`售价 ${formatYuan(p.priceFen)} · 最高抵 ${formatYuan(p.capFen)}`}</Text>
        </View>
      </View>
      <View className="section presale-forfeit">
        <Text>{p.forfeitRule}</Text>
      </View>
      {p.mine ? (
        <View className="section presale-mine">
          <Text className="section-title">{`我的定金 · ${p.mine.stateText}`}</Text>
          <Text className="presale-credit">{`已邀请 ${p.mine.friends} 位好友付定金，当前抵 ${formatYuan(p.mine.creditFen)}`}</Text>
          <Text>{`尾款 ${formatYuan(p.mine.finalDueFen)}`}</Text>
          {p.mine.canPayFinal ? (
            <View className="btn presale-pay-final" onClick={() => checkout(p, 'FINAL')}>
              {`付尾款 ${formatYuan(p.mine.finalDueFen)}`}
            </View>
          ) : null}
          {p.phase === 'DEPOSIT' && p.mine.state === 'PAID' ? (
            <ShareButton
              target={target}
              label="邀请好友付定金，膨胀抵扣"
              className="presale-share"
            />
          ) : null}
          {p.mine.canCancel ? (
            <View className="btn soft presale-cancel" onClick={cancel}>
              取消定金（全额退回）
            </View>
          ) : null}
        </View>
      ) : p.canPayDeposit ? (
        <View className="section">
          <View className="btn presale-pay-deposit" onClick={() => checkout(p, 'DEPOSIT')}>
            {`付定金 ${formatYuan(p.depositFen)}`}
          </View>
        </View>
      ) : (
        <View className="section">
          <Text className="muted">
            {p.phase === 'BEFORE' ? '预售尚未开始' : '付定金阶段已结束'}
          </Text>
        </View>
      )}
      <View className="section presale-rules">
        <Text className="section-title">预售规则</Text>
        {p.rules.map((r, i) => (
          <Text key={i} className="presale-rule">{`${i + 1}. ${r}`}</Text>
        ))}
      </View>
    </View>
  );
}
