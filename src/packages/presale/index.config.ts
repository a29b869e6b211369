export default definePageConfig({
  navigationBarTitleText: '定金预售',
  // The pre-sale's share card carries the sharer's ref: friends who pay a deposit inflate it.
  enableShareAppMessage: true,
});
