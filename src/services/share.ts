// Sharing a page: the share card WeChat sends (title, path with the sharer's ref). Pages call
// `useShare(target, title)` and show a ShareButton (WeChat: <Button openType="share">; browser:
// copy the same link, share-link.ts).
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
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
