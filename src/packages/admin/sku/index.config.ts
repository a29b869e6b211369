export default definePageConfig({
  navigationBarTitleText: '库存明细',
  enablePullDownRefresh: true,
});
