import { CloudCallError } from '@/services/cloud/callFunction';
import { opsService } from '../services/opsService';
import { useOpsChange, type OpsChange } from './change';

jest.mock('../../../services/cloud/transport', () => ({ transport: { init: jest.fn(), call: jest.fn() } }), { virtual: true });
jest.mock('../services/opsService', () => ({
  opsService: { adjust: jest.fn(), cancelVoucher: jest.fn(), setBirthday: jest.fn(), setStaff: jest.fn() },
}));

const adjust = opsService.adjust as jest.Mock;
const setStaff = opsService.setStaff as jest.Mock;

const ADJUST: OpsChange = { kind: 'adjust', openid: 'oMember0001', points: 50, growth: 0, reason: '活动补发', text: '…' };

beforeEach(() => {
  jest.resetAllMocks();
  useOpsChange.setState({ pending: null, submitting: false, error: null, done: null });
});

describe('back-office confirmations', () => {
  it('applies an adjustment once on a double tap, with a well-formed requestId', async () => {
    adjust.mockResolvedValue({});
    await useOpsChange.getState().propose(ADJUST);
    const [a, b] = await Promise.all([useOpsChange.getState().confirm(), useOpsChange.getState().confirm()]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(adjust).toHaveBeenCalledTimes(1);
    expect(adjust.mock.calls[0][0]).toMatchObject({ openid: 'oMember0001', points: 50, growth: 0, reason: '活动补发' });
    expect(adjust.mock.calls[0][0].requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(useOpsChange.getState()).toMatchObject({ pending: null, done: '已调整' });
  });

  it('retries a failed adjustment with the same requestId (the function applies it once); a new proposal gets a new one', async () => {
    adjust.mockRejectedValueOnce(new CloudCallError('NETWORK', '网络不给力，请稍后再试')).mockResolvedValueOnce({});
    await useOpsChange.getState().propose(ADJUST);
    expect(await useOpsChange.getState().confirm()).toBe(false);
    expect(useOpsChange.getState()).toMatchObject({ submitting: false, error: { code: 'NETWORK' }, pending: { kind: 'adjust' } });
    expect(await useOpsChange.getState().confirm()).toBe(true);
    const [first, retry] = adjust.mock.calls.map((c) => c[0].requestId);
    expect(retry).toBe(first);
    await useOpsChange.getState().propose(ADJUST);
    await useOpsChange.getState().confirm();
    expect(adjust.mock.calls[2][0].requestId).not.toBe(first);
  });

  it('keeps a refusal on the sheet in Chinese, and dismissing forgets the change', async () => {
    setStaff.mockRejectedValue(new CloudCallError('LAST_OPS', '至少要保留一位在职的运营人员'));
    await useOpsChange.getState().propose({
      kind: 'staff',
      openid: 'oOps0000001',
      roles: [],
      active: false,
      storeId: null,
      reason: '',
      text: '…',
    });
    expect(await useOpsChange.getState().confirm()).toBe(false);
    expect(useOpsChange.getState().error).toMatchObject({ code: 'LAST_OPS', message: '至少要保留一位在职的运营人员' });
    useOpsChange.getState().dismiss();
    expect(useOpsChange.getState()).toMatchObject({ pending: null, error: null });
  });
});
