export default definePageConfig({
  navigationBarTitleText: '拼团',
  enablePullDownRefresh: true,
  // The group's share card and 朋友圈 carry the sharer's ref (services/share.ts).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
