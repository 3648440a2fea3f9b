export default definePageConfig({
  navigationBarTitleText: '组队挑战赛',
  enablePullDownRefresh: true,
});
