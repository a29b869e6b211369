// My coupons: unused (including those held by an unpaid order), used, expired.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { couponFaceText } from '@domain/campaigns/coupon-face';
import { formatYuan } from '@domain/money';
import { api } from '../../../services/api';
import { useCloudData } from '../../../hooks/useCloudData';
import { Empty, ErrorState, Loading } from '../../../components/StateView';
import '../coupons.scss';

type Tab = 'UNUSED' | 'USED' | 'EXPIRED';
const TABS: { tab: Tab; label: string }[] = [
  { tab: 'UNUSED', label: '未使用' },
  { tab: 'USED', label: '已使用' },
  { tab: 'EXPIRED', label: '已过期' },
];
const SOURCE: Record<string, string> = {
  CENTER: '领券中心',
  SIGNUP_PACK: '新人券包',
  FULL_RETURN: '消费全返',
};

export default function MyCouponsPage() {
  const [tab, setTab] = useState<Tab>('UNUSED');
  const list = useCloudData(() => api.myCoupons(tab), [tab]);
  const coupons = list.loading ? null : list.data;
  const error = list.data ? '' : list.error;

  return (
    <View className="page coupons">
      <View className="tabs">
        {TABS.map((t) => (
          <View
            key={t.tab}
            className={`tab${t.tab === tab ? ' active' : ''}`}
            onClick={() => setTab(t.tab)}
          >
            {t.label}
          </View>
        ))}
      </View>
      {error ? <ErrorState message={error} onRetry={list.retry} /> : null}
      {!error && !coupons ? <Loading /> : null}
      {coupons && coupons.length === 0 ? (
        <Empty
          text="这里还没有优惠券"
          action="去领券"
          onAction={() => Taro.redirectTo({ url: '/packages/coupons/center/index' })}
        />
      ) : null}
      {coupons?.map((c) => (
        <View key={c.id} className={`coupon-card${tab === 'UNUSED' ? '' : ' faded'}`}>
          <View className="coupon-card-value">
            <Text className="coupon-card-amount">{couponFaceText(c)}</Text>
            <Text className="coupon-card-threshold">
              {c.thresholdFen > 0 ? `满${formatYuan(c.thresholdFen)}可用` : '无门槛'}
            </Text>
          </View>
          <View className="coupon-card-info">
            <Text className="coupon-card-title">{c.title}</Text>
            <Text className="muted">{`${SOURCE[c.source] ?? ''} · ${new Date(c.validUntil).toLocaleDateString('zh-CN')} 前有效`}</Text>
            {c.status === 'HELD' ? <Text className="muted">已用于待付款订单</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
