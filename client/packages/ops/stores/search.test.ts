import type { MemberHit, OpsMembersData } from '@shared/contracts/ops';
import { CloudCallError } from '@/services/cloud/callFunction';
import { opsService } from '../services/opsService';
import { useOpsSearch } from './search';

jest.mock('../../../services/cloud/transport', () => ({ transport: { init: jest.fn(), call: jest.fn() } }), { virtual: true });
jest.mock('../services/opsService', () => ({ opsService: { members: jest.fn() } }));

const members = opsService.members as jest.Mock;
const hit = (nickname: string) => ({ openid: `o_${nickname}`, nickname }) as MemberHit;

beforeEach(() => {
  jest.resetAllMocks();
  useOpsSearch.setState({ query: '', status: 'idle', error: null, hits: [] });
});

describe('finding a member', () => {
  it('asks with the trimmed query and shows its matches', async () => {
    members.mockResolvedValue({ hits: [hit('林小满')] });
    await useOpsSearch.getState().search('  林 ');
    expect(members).toHaveBeenCalledWith('林');
    expect(useOpsSearch.getState()).toMatchObject({ query: '林', status: 'ready', hits: [{ nickname: '林小满' }] });
  });

  it('does not ask for an empty query', async () => {
    await useOpsSearch.getState().search('   ');
    expect(members).not.toHaveBeenCalled();
    expect(useOpsSearch.getState().status).toBe('idle');
  });

  it('keeps the answer of the last query when an earlier one comes back later', async () => {
    let releaseFirst: (v: OpsMembersData) => void = () => undefined;
    members.mockImplementationOnce(() => new Promise((resolve) => (releaseFirst = resolve)));
    members.mockResolvedValueOnce({ hits: [hit('林小雨')] });
    const first = useOpsSearch.getState().search('王');
    await useOpsSearch.getState().search('林小');
    releaseFirst({ hits: [hit('王五')] } as OpsMembersData);
    await first;
    expect(useOpsSearch.getState()).toMatchObject({ query: '林小', hits: [{ nickname: '林小雨' }] });
  });

  it('keeps FORBIDDEN for the locked page', async () => {
    members.mockRejectedValue(new CloudCallError('FORBIDDEN', '你没有权限进行这个操作'));
    await useOpsSearch.getState().search('林');
    expect(useOpsSearch.getState()).toMatchObject({ status: 'error', error: { code: 'FORBIDDEN' }, hits: [] });
  });
});
