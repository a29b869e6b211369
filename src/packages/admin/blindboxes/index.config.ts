export default definePageConfig({ navigationBarTitleText: '盲盒', enablePullDownRefresh: true });
