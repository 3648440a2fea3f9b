export default definePageConfig({
  navigationBarTitleText: '会员徽章墙',
});
