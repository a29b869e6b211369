export default definePageConfig({
  navigationBarTitleText: '商品详情',
  enablePullDownRefresh: true,
  // The share card and 朋友圈 (services/share.ts: the path carries the sharer's ref).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
