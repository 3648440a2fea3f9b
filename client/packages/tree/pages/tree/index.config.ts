export default definePageConfig({
  navigationBarTitleText: '能力成长树',
});
