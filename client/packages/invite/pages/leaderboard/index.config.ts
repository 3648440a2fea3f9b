export default definePageConfig({
  navigationBarTitleText: '本月邀请榜',
  enablePullDownRefresh: true,
});
