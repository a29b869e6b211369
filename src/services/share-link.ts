// The browser build's share link: this shop's address with the page and the sharer's ref (kept
// apart from share.ts so the clipboard API stays out of the first load).
import Taro from '@tarojs/taro';
import { sharePath, type ShareTarget } from '@domain/share';
import { userStore } from '../stores/user';

export function shareUrl(target: ShareTarget): string {
  const path = sharePath(target, userStore.user?.refCode);
  return `${window.location.origin}${window.location.pathname}#${path}`;
}

/** Copies the share link (WeChat shares through the share button instead). */
export async function copyShareLink(target: ShareTarget): Promise<void> {
  await Taro.setClipboardData({ data: shareUrl(target) });
  void Taro.showToast({ title: '链接已复制，发给好友吧', icon: 'none' });
}
