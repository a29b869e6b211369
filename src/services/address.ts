// WeChat's own address book (wx.chooseAddress, declared in app.config's requiredPrivateInfos and
// in the privacy guide), turned into the shop's Address. The browser build has no such API: the
// shop's address book and the form stand in.
import type { Address } from '@domain/model';

export const canChooseWechatAddress = process.env.TARO_ENV === 'weapp';

export function fromWechatAddress(
  res: WechatMiniprogram.ChooseAddressSuccessCallbackResult,
): Address {
  const region = [res.provinceName, res.cityName, res.countyName, res.streetName]
    .filter(Boolean)
    .join(' ');
  return {
    name: res.userName,
    phone: res.telNumber,
    region,
    detail: res.detailInfoNew || res.detailInfo,
  };
}

/** The address the shopper picked in WeChat, or null if they cancelled (or it failed). */
export async function chooseWechatAddress(): Promise<Address | null> {
  if (!canChooseWechatAddress) return null;
  try {
    return fromWechatAddress(await wx.chooseAddress());
  } catch (e) {
    console.warn('chooseAddress', (e as { errMsg?: string }).errMsg);
    return null;
  }
}
