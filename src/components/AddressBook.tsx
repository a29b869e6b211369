import { Text, View } from '@tarojs/components';
import type { Address } from '@domain/model';
import { canChooseWechatAddress, chooseWechatAddress } from '../services/address';
import './AddressBook.scss';

const same = (a: Address, b: Address) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The shopper's address book above the form: addresses used before (tap one to use it, × to
 * forget it) and, in WeChat, WeChat's own address book.
 */
export function AddressBook({
  addresses,
  current,
  onPick,
  onForget,
}: {
  addresses: Address[];
  current: Address;
  onPick: (a: Address) => void;
  onForget: (a: Address) => void;
}) {
  const fromWechat = async () => {
    const picked = await chooseWechatAddress();
    if (picked) onPick(picked);
  };
  if (!addresses.length && !canChooseWechatAddress) return null;
  return (
    <View className="address-book">
      {canChooseWechatAddress ? (
        <View className="btn small soft address-book-wechat" onClick={fromWechat}>
          从微信选择地址
        </View>
      ) : null}
      {addresses.map((a) => (
        <View
          key={`${a.name}${a.phone}${a.region}${a.detail}`}
          className={`address-book-item${same(a, current) ? ' chosen' : ''}`}
          onClick={() => onPick(a)}
        >
          <Text className="address-book-text">{`${a.name} ${a.phone} ${a.region} ${a.detail}`}</Text>
          <Text
            className="address-book-forget"
            onClick={(e) => {
              e.stopPropagation();
              onForget(a);
            }}
          >
            ×
          </Text>
        </View>
      ))}
    </View>
  );
}
