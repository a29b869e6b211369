export default definePageConfig({
  navigationBarTitleText: '分销',
  enablePullDownRefresh: true,
});
