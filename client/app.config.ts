export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '会员中心',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f4f0',
  },
  // Only the components a page uses are injected: smaller start-up (WeChat's recommendation).
  lazyCodeLoading: 'requiredComponents',
});
