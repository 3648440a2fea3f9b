jest.mock('@tarojs/taro', () => require('@/testing/taro'));
jest.mock('@/services/member', () => ({ memberService: { profile: jest.fn(), deleteAccount: jest.fn() } }));
jest.mock('@/platform/avatar', () => ({ uploadAvatar: jest.fn() }));

import { resetTaro } from '@/testing/taro';
import { memberService } from '@/services/member';
import { uploadAvatar } from '@/platform/avatar';
import { useProfileStore } from './profile';

const profile = memberService.profile as jest.Mock;

beforeEach(() => {
  jest.resetAllMocks();
  resetTaro();
  useProfileStore.setState({ saving: false, error: null, deleting: false });
});

it('saves a nickname', async () => {
  profile.mockResolvedValue({ nickname: '林小满', avatarUrl: '' });
  expect(await useProfileStore.getState().save({ nickname: '林小满' })).toBe(true);
  expect(profile).toHaveBeenCalledWith({ nickname: '林小满' });
});

it('says why a nickname with a control or bidi character is refused, before sending or uploading anything', async () => {
  for (const nickname of ['林\u202E满', '林\u0000满', '\u2066林满']) {
    expect(await useProfileStore.getState().save({ nickname, avatarTempPath: 'wxfile://tmp/a.png' })).toBe(false);
    expect(useProfileStore.getState().error).toEqual({ code: 'INVALID_INPUT', message: '昵称不能包含控制字符或文字方向符号' });
  }
  expect(profile).not.toHaveBeenCalled();
  expect(uploadAvatar).not.toHaveBeenCalled();
});
