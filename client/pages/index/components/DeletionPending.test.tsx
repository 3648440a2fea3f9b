/**
 * @jest-environment jsdom
 */
jest.mock('@tarojs/taro', () => require('@/testing/taro'));
jest.mock('@tarojs/components', () => require('@/testing/taroComponents'));
jest.mock('@/services/member', () => ({ memberService: { deleteAccount: jest.fn() } }));

import { resetTaro } from '@/testing/taro';
import { cleanup, flush, render } from '@/testing/render';
import { memberService } from '@/services/member';
import { CloudCallError } from '@/services/cloud/callFunction';
import { PageState } from '@/components/PageState';
import { deletionPendingView } from './DeletionPending';

beforeEach(() => {
  jest.resetAllMocks();
  resetTaro();
});
afterEach(cleanup);

const deleting = { code: 'ACCOUNT_DELETING', message: '你的账号正在注销，本次操作没有执行' };

describe('home after an interrupted account deletion', () => {
  it('offers to finish the deletion instead of a retry that can only fail, and starts over once it is done', async () => {
    jest.mocked(memberService.deleteAccount).mockResolvedValue({ deleted: true });
    const reload = jest.fn(async () => undefined);
    const view = await render(
      <PageState status="error" error={deleting} hasData={false} onRetry={jest.fn()} errorView={deletionPendingView(reload)}>
        <span>首页</span>
      </PageState>,
    );
    expect(view.text()).toContain('账号正在注销');
    expect(view.text()).not.toContain('重试');
    await view.click('完成注销');
    await flush();
    expect(memberService.deleteAccount).toHaveBeenCalledTimes(1);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('says why when finishing fails, and keeps the usual error state for other errors', async () => {
    jest.mocked(memberService.deleteAccount).mockRejectedValue(new CloudCallError('RATE_LIMITED', '操作太频繁了，请稍后再试'));
    const reload = jest.fn(async () => undefined);
    const view = await render(
      <PageState status="error" error={deleting} hasData={false} errorView={deletionPendingView(reload)}>
        <span>首页</span>
      </PageState>,
    );
    await view.click('完成注销');
    await flush();
    expect(view.text()).toContain('操作太频繁了，请稍后再试');
    expect(reload).not.toHaveBeenCalled();

    await view.rerender(
      <PageState
        status="error"
        error={{ code: 'INTERNAL', message: '服务开小差了' }}
        hasData={false}
        onRetry={jest.fn()}
        errorView={deletionPendingView(reload)}
      >
        <span>首页</span>
      </PageState>,
    );
    expect(view.text()).toContain('服务开小差了');
    expect(view.text()).toContain('重试');
  });
});
