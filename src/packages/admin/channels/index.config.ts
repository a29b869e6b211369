export default definePageConfig({
  navigationBarTitleText: '渠道码',
  enablePullDownRefresh: true,
});
