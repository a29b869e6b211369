// Sharing a page: the share card WeChat sends (title, path with the sharer's ref) and, in the
// browser build, the same path as a link to copy. Pages call `useShare(target, title)` and show
// a share button (WeChat: <Button openType="share">; browser: copy the link).
import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { sharePath, shareQuery, type ShareTarget } from '@domain/share';
import { userStore } from '../stores/user';

/**
 * Registers the page's share card and 朋友圈 share (the page config must enable both). Pictures
 * are left to WeChat (a screenshot of the page): cloud file ids are not accepted there.
 */
export function useShare(target: ShareTarget, title: () => string): void {
  useShareAppMessage(() => ({ title: title(), path: sharePath(target, userStore.user?.refCode) }));
  useShareTimeline(() => ({ title: title(), query: shareQuery(target, userStore.user?.refCode) }));
}

/** The browser build's share link: this shop's address with the page and the sharer's ref. */
export function shareUrl(target: ShareTarget): string {
  const path = sharePath(target, userStore.user?.refCode);
  return `${window.location.origin}${window.location.pathname}#${path}`;
}

/** Browser build: copies the share link (WeChat shares through the share button instead). */
export async function copyShareLink(target: ShareTarget): Promise<void> {
  await Taro.setClipboardData({ data: shareUrl(target) });
  void Taro.showToast({ title: '链接已复制，发给好友吧', icon: 'none' });
}
