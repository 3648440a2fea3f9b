export default definePageConfig({
  navigationBarTitleText: '会员码',
  navigationBarBackgroundColor: '#1f6f5c',
  navigationBarTextStyle: 'white',
  backgroundColor: '#1f6f5c',
});
