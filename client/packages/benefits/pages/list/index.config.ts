export default definePageConfig({
  navigationBarTitleText: '专属福利',
  enablePullDownRefresh: true,
});
