export default definePageConfig({
  navigationBarTitleText: '公益同行',
  enablePullDownRefresh: true,
});
