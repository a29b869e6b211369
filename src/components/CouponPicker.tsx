import { Text, View } from '@tarojs/components';
import type { CouponOption } from '@domain/pricing/quote';
import { couponFaceText } from '@domain/campaigns/coupon-face';
import { formatYuan } from '@domain/money';
import './CouponPicker.scss';

/** The buyer's coupons for this order: usable ones first (the best is preselected by the server). */
export function CouponPicker({
  coupons,
  chosen,
  onChoose,
}: {
  coupons: CouponOption[];
  chosen: string | null;
  onChoose: (id: string) => void;
}) {
  const usable = coupons.filter((c) => c.usable);
  return (
    <View className="coupon-picker">
      <View className="coupon-picker-head">
        <Text className="section-title">优惠券</Text>
        <Text className="muted">{usable.length ? `${usable.length} 张可用` : '暂无可用'}</Text>
      </View>
      {coupons.map((c) => (
        <View
          key={c.id}
          className={`coupon-option${c.id === chosen ? ' chosen' : ''}${c.usable ? '' : ' unusable'}`}
          onClick={() => c.usable && onChoose(c.id === chosen ? 'none' : c.id)}
        >
          <Text className="coupon-option-value">{couponFaceText(c.face)}</Text>
          <View className="coupon-option-info">
            <Text className="coupon-option-title">{c.title}</Text>
            <Text className="muted">
              {c.thresholdFen > 0 ? `满 ${formatYuan(c.thresholdFen)} 可用` : '无门槛'}
            </Text>
            {c.usable ? (
              <Text className="coupon-option-saving">本单可省 {formatYuan(c.savingFen)}</Text>
            ) : null}
          </View>
          <Text className="coupon-option-mark">
            {c.id === chosen ? '已选' : c.usable ? '可用' : '未满足'}
          </Text>
        </View>
      ))}
    </View>
  );
}
