// A blind box's page: every item that can come out for this buyer, its value and probability
// (after tuning and stock: the odds the order will fix), the rules, and the age question the law
// asks (under 8: no; 8-18: with a guardian's consent), all before paying.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuan } from '@domain/money';
import { ErrorState, Loading } from '../../components/StateView';
import { useCloudData } from '../../hooks/useCloudData';
import { api } from '../../services/api';
import { useShare } from '../../services/share';
import './index.scss';

type Age = 'ADULT' | 'MINOR_WITH_GUARDIAN' | 'UNDER_8';
const AGES: { age: Age; label: string }[] = [
  { age: 'ADULT', label: '已满 18 岁' },
  { age: 'MINOR_WITH_GUARDIAN', label: '8-18 岁，监护人已同意' },
  { age: 'UNDER_8', label: '未满 8 岁' },
];

const percent = (ppm: number) => `${(ppm / 10_000).toFixed(2)}%`;

export default function BlindBoxPage() {
  const { params } = useRouter();
  const campaignId = params.campaign ?? '';
  const [age, setAge] = useState<Age | null>(null);
  useShare({ kind: 'home' }, () => '幸运盲盒：概率公开，结果可验证');
  const { data: box, error, retry } = useCloudData(() => api.blindBox(campaignId), [campaignId]);
  if (error && !box) return <ErrorState message={error} onRetry={retry} />;
  if (!box) return <Loading />;

  const buy = () => {
    if (!age) return Taro.showToast({ title: '请先确认年龄', icon: 'none' });
    if (age === 'UNDER_8')
      return Taro.showToast({ title: '按规定，盲盒不向 8 岁以下的未成年人出售', icon: 'none' });
    void Taro.navigateTo({
      url:
        `/packages/checkout/index?source=buyNow&skuId=${encodeURIComponent(box.boxSkuId)}&qty=1` +
        `&boxCampaign=${encodeURIComponent(box.campaignId)}&age=${age}`,
    });
  };

  return (
    <View className="page blindbox-page">
      <View className="section blindbox-head">
        <Text className="blindbox-title">{box.title}</Text>
        <Text className="blindbox-price">{formatYuan(box.boxFen)}</Text>
        <Text className="muted">{box.segmentText}</Text>
      </View>
      <View className="section">
        <Text className="section-title">可能开出（你的概率）</Text>
        {box.items.map((i) => (
          <View key={i.skuId} className={`blindbox-item${i.left ? '' : ' sold-out'}`}>
            <Text className="blindbox-item-title">{`${i.top ? '【大奖】' : ''}${i.title}`}</Text>
            <Text>{`价值 ${formatYuan(i.valueFen)}`}</Text>
            <Text className="blindbox-item-odds">{i.left ? percent(i.ppm) : '已抽完'}</Text>
          </View>
        ))}
      </View>
      <View className="section blindbox-rules">
        <Text className="section-title">规则</Text>
        {box.rules.map((r, k) => (
          <Text key={k} className="blindbox-rule">{`${k + 1}. ${r}`}</Text>
        ))}
      </View>
      <View className="section">
        <Text className="section-title">年龄确认</Text>
        <View className="blindbox-ages">
          {AGES.map((a) => (
            <View
              key={a.age}
              className={`blindbox-age age-${a.age}${age === a.age ? ' chosen' : ''}`}
              onClick={() => setAge(a.age)}
            >
              {a.label}
            </View>
          ))}
        </View>
      </View>
      <View className="section">
        <View
          className={`btn blindbox-buy${box.soldOut ? ' disabled' : ''}`}
          onClick={box.soldOut ? undefined : buy}
        >
          {box.soldOut ? '已售罄' : `${formatYuan(box.boxFen)} 买一盒`}
        </View>
        <View
          className="btn soft blindbox-mine-link"
          onClick={() => Taro.navigateTo({ url: '/packages/blindbox/mine/index' })}
        >
          我的盲盒
        </View>
      </View>
    </View>
  );
}
