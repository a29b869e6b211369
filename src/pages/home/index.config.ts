export default definePageConfig({
  navigationBarTitleText: '拾光小铺',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
