import { Input, Text, View } from '@tarojs/components';
import type { Address } from '@domain/model';
import './AddressForm.scss';

// The same checks the server makes, so the shopper hears about a mistake before submitting.
export { addressProblem } from '@domain/address';

const FIELDS: { key: keyof Address; label: string; placeholder: string; type?: 'number' }[] = [
  { key: 'name', label: '收货人', placeholder: '姓名' },
  { key: 'phone', label: '手机号', placeholder: '11 位手机号', type: 'number' },
  { key: 'region', label: '所在地区', placeholder: '省 市 区' },
  { key: 'detail', label: '详细地址', placeholder: '街道、门牌号' },
];

export function AddressForm({
  value,
  onChange,
}: {
  value: Address;
  onChange: (a: Address) => void;
}) {
  return (
    <View className="address-form">
      {FIELDS.map((f) => (
        <View key={f.key} className="address-field">
          <Text className="address-label">{f.label}</Text>
          <Input
            className={`address-input address-${f.key}`}
            type={f.type ?? 'text'}
            placeholder={f.placeholder}
            value={value[f.key]}
            // No cut-off: an address over a limit is refused with a message (addressProblem).
            maxlength={-1}
            onInput={(e) => onChange({ ...value, [f.key]: e.detail.value })}
          />
        </View>
      ))}
    </View>
  );
}
