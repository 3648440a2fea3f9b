import { CloudCallError } from '@/services/cloud/callFunction';
import type { OpsStatsData, OpsValidateData } from '@shared/contracts/ops';
import { opsService } from '../services/opsService';
import { openingRange, useOpsDashboard } from './dashboard';

// The transport is chosen per platform at build time; the store only talks to opsService.
jest.mock('../../../services/cloud/transport', () => ({ transport: { init: jest.fn(), call: jest.fn() } }), { virtual: true });
jest.mock('../services/opsService', () => ({ opsService: { stats: jest.fn(), validate: jest.fn() } }));

const stats = opsService.stats as jest.MockedFunction<typeof opsService.stats>;
const validate = opsService.validate as jest.MockedFunction<typeof opsService.validate>;

const NOW = Date.parse('2026-03-20T04:00:00Z');
const answer = (from: string, to: string) => ({ from, to, asOf: '2026-03-20' }) as OpsStatsData;

beforeEach(() => {
  // The dashboard as opened at NOW (the store itself opens on the real clock's last 30 days).
  useOpsDashboard.setState(openingRange(NOW));
  stats.mockReset();
  validate.mockReset();
});

describe('ops dashboard store', () => {
  it('starts on the last 30 days', () => {
    expect(useOpsDashboard.getState().range).toEqual({ from: '2026-02-19', to: '2026-03-20' });
  });

  it('loads a preset range ending today', async () => {
    stats.mockImplementation(async (from, to) => answer(from, to));
    await useOpsDashboard.getState().choosePreset('7d', NOW);
    expect(stats).toHaveBeenCalledWith('2026-03-14', '2026-03-20');
    expect(useOpsDashboard.getState()).toMatchObject({ status: 'ready', preset: '7d', stats: { from: '2026-03-14' } });
  });

  it('clamps a picked range and marks it custom', async () => {
    stats.mockImplementation(async (from, to) => answer(from, to));
    await useOpsDashboard.getState().chooseRange({ from: '2026-03-25', to: '2026-03-01' }, NOW);
    expect(stats).toHaveBeenCalledWith('2026-03-01', '2026-03-20');
    expect(useOpsDashboard.getState().preset).toBe('custom');
  });

  it('keeps the latest answer when an earlier request comes back later', async () => {
    let releaseFirst: (v: OpsStatsData) => void = () => undefined;
    stats.mockImplementationOnce(() => new Promise((resolve) => (releaseFirst = resolve)));
    stats.mockImplementationOnce(async (from, to) => answer(from, to));
    const first = useOpsDashboard.getState().choosePreset('90d', NOW);
    await useOpsDashboard.getState().choosePreset('7d', NOW);
    releaseFirst(answer('2025-12-21', '2026-03-20'));
    await first;
    expect(useOpsDashboard.getState().stats?.from).toBe('2026-03-14');
  });

  it('keeps the figures on screen, marked refreshing, while a new range loads and after it failed', async () => {
    stats.mockImplementationOnce(async (from, to) => answer(from, to));
    await useOpsDashboard.getState().choosePreset('30d', NOW);
    let fail: (err: unknown) => void = () => undefined;
    stats.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)));
    const loading = useOpsDashboard.getState().choosePreset('7d', NOW);
    expect(useOpsDashboard.getState()).toMatchObject({ refreshing: true, stats: { from: '2026-02-19' }, error: null });
    fail(new CloudCallError('INTERNAL', '服务开小差了，请稍后再试'));
    await loading;
    expect(useOpsDashboard.getState()).toMatchObject({ refreshing: false, stats: { from: '2026-02-19' }, error: { code: 'INTERNAL' } });
  });

  it('keeps the FORBIDDEN code for the locked page', async () => {
    stats.mockRejectedValue(new CloudCallError('FORBIDDEN', '你没有权限进行这个操作'));
    await useOpsDashboard.getState().load();
    expect(useOpsDashboard.getState()).toMatchObject({ status: 'error', error: { code: 'FORBIDDEN' }, stats: null });
  });

  it('loads the content report on its own', async () => {
    const report: OpsValidateData = { ok: true, errors: 0, warnings: 0, problems: [], counts: {} as OpsValidateData['counts'] };
    validate.mockResolvedValue(report);
    await useOpsDashboard.getState().loadValidation();
    expect(useOpsDashboard.getState()).toMatchObject({ validationStatus: 'ready', validation: report });
  });
});
