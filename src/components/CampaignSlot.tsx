import { Text, View } from '@tarojs/components';
import type { CampaignSlotView } from '@domain/api/views';
import { Countdown } from './Countdown';
import { ProductGrid } from './ProductCard';
import './CampaignSlot.scss';

// Generic copy: the limits themselves live in the campaign's rules and show at checkout.
const SUBTITLE: Record<string, string> = {
  NEW_USER: '新人首单专享价',
  FLASH_SALE: '限量抢购，先到先得',
  TRIAL: '包邮试用，好物先尝',
};

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
