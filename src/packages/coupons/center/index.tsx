// The coupon center: coupons the shop offers now, what is left of each, and claiming one.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CouponTemplateView } from '@domain/api/views';
import { couponFaceText } from '@domain/campaigns/coupon-face';
import { formatYuan } from '@domain/money';
import { api } from '../../../services/api';
import { useCloudData } from '../../../hooks/useCloudData';
import { Empty, ErrorState, Loading } from '../../../components/StateView';
import '../coupons.scss';

export default function CouponCenterPage() {
  const { data: templates, error, retry, refresh } = useCloudData(() => api.couponCenter(), []);
  const [busy, setBusy] = useState('');

  if (error && !templates) return <ErrorState message={error} onRetry={retry} />;
  if (!templates) return <Loading />;
  if (templates.length === 0) return <Empty text="暂时没有可领的优惠券" />;

  const claim = async (t: CouponTemplateView) => {
    if (busy) return;
    setBusy(t.id);
    const res = await api.claimCoupon(t.id);
    setBusy('');
    void Taro.showToast({
      title: res.ok ? '领取成功' : res.message,
      icon: res.ok ? 'success' : 'none',
    });
    await refresh();
  };

  return (
    <View className="page coupons">
      {templates.map((t) => {
        const full = t.claimedByMe >= t.perUserLimit;
        const soldOut = t.remaining <= 0;
        return (
          <View key={t.id} className="coupon-card">
            <View className="coupon-card-value">
              <Text className="coupon-card-amount">{couponFaceText(t)}</Text>
              <Text className="coupon-card-threshold">
                {t.thresholdFen > 0 ? `满${formatYuan(t.thresholdFen)}可用` : '无门槛'}
              </Text>
            </View>
            <View className="coupon-card-info">
              <Text className="coupon-card-title">{t.title}</Text>
              <Text className="muted">{`领取后 ${t.validDays} 天内有效 · 剩余 ${t.remaining}/${t.total}`}</Text>
            </View>
            <View
              className={`btn small coupon-claim${full || soldOut ? ' disabled' : ''}`}
              onClick={() => !full && !soldOut && claim(t)}
            >
              {full ? '已领取' : soldOut ? '已领完' : busy === t.id ? '领取中' : '领取'}
            </View>
          </View>
        );
      })}
    </View>
  );
}
