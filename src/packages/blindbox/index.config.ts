export default definePageConfig({
  navigationBarTitleText: '幸运盲盒',
  enableShareAppMessage: true,
});
