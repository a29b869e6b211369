import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CampaignSlotView } from '@domain/api/views';
import { Countdown } from './Countdown';
import { ProductGrid } from './ProductCard';
import { api } from '../services/api';
import { askForNotices } from '../services/subscribe';
import './CampaignSlot.scss';

// Generic copy: the limits themselves live in the campaign's rules and show at checkout.
const SUBTITLE: Record<string, string> = {
  NEW_USER: '新人首单专享价',
  FLASH_SALE: '限量抢购，先到先得',
  TRIAL: '包邮试用，好物先尝',
};

/** 提醒我: the opt-in asked for in the tap itself, then the reminder recorded (sent at the start). */
async function remindMe(slot: CampaignSlotView) {
  await askForNotices(['FLASH_SALE_STARTING'], '秒杀开始提醒');
  const res = await api.remind({
    kind: 'FLASH_SALE_STARTING',
    campaignId: slot.campaignId,
    productId: slot.products[0].id,
  });
  void Taro.showToast({ title: res.ok ? '开始时提醒你' : res.message, icon: 'none' });
}

/** A campaign on the home page: new-user zone, flash sale (with countdown and what is left), trials. */
export function CampaignSlot({ slot }: { slot: CampaignSlotView }) {
  const started = slot.startsAt <= Date.now();
  return (
    <View className={`section campaign-slot slot-${slot.kind}`}>
      <View className="campaign-slot-head">
        <Text className="campaign-slot-title">{slot.title}</Text>
        {slot.kind === 'FLASH_SALE' ? (
          <Countdown
            until={started ? slot.endsAt : slot.startsAt}
            prefix={started ? '距结束 ' : '距开始 '}
          />
        ) : (
          <Text className="muted">{SUBTITLE[slot.kind] ?? ''}</Text>
        )}
        {slot.kind === 'FLASH_SALE' && !started && slot.products[0] ? (
          <View className="campaign-slot-remind" onClick={() => void remindMe(slot)}>
            提醒我
          </View>
        ) : null}
      </View>
      {slot.total !== undefined && slot.remaining !== undefined ? (
        <View className="campaign-slot-stock">
          <View className="campaign-slot-bar">
            <View
              className="campaign-slot-bar-fill"
              style={{
                width: `${Math.round(((slot.total - slot.remaining) / slot.total) * 100)}%`,
              }}
            />
          </View>
          <Text className="muted">
            {slot.remaining > 0
              ? `已抢 ${slot.total - slot.remaining} 件，剩 ${slot.remaining} 件`
              : '已抢光'}
          </Text>
        </View>
      ) : null}
      <ProductGrid products={slot.products} />
    </View>
  );
}
