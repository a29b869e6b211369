export default definePageConfig({
  navigationBarTitleText: '好友助力',
  enablePullDownRefresh: true,
  // The assist's share card carries the sharer's ref (services/share.ts).
  enableShareAppMessage: true,
});
