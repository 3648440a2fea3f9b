import { auditActionName, auditSummary, balanceChangeText, monthDayText, numberChange, staffStateText } from './opsAudit';

describe('ops audit in Chinese', () => {
  it('says a change with its difference', () => {
    expect(numberChange('积分', 150, 200)).toBe('积分 150 → 200（+50）');
    expect(numberChange('积分', 200, 150)).toBe('积分 200 → 150（-50）');
    expect(balanceChangeText({ points: 150, growth: 10 }, { points: 200, growth: 0 })).toBe('积分 150 → 200（+50），成长值 10 → 0（-10）');
    expect(monthDayText('03-08')).toBe('3月8日');
    expect(monthDayText(null)).toBe('未设置');
    expect(staffStateText({ roles: ['verifier', 'ops'], active: false, storeId: 'sh-01' })).toBe('核销员、运营（已停用，门店 sh-01）');
  });

  it('reads every audited action', () => {
    expect(auditSummary('ops.adjust', { points: 150, growth: 0 }, { points: 200, growth: 0 })).toBe('积分 150 → 200（+50）');
    expect(
      auditSummary(
        'redeem.cancel',
        { voucherCode: 'K7QM2XRT9PAB', packTitle: '年度资料包', status: 'issued', points: 10 },
        { status: 'cancelled', points: 130, stockRestored: true },
      ),
    ).toBe('作废「年度资料包」（券码 K7QM-2XRT-9PAB），积分 10 → 130（+120），库存 +1');
    expect(auditSummary('ops.setBirthday', '03-08', '11-20')).toBe('生日 3月8日 → 11月20日');
    expect(auditSummary('ops.setStaff', null, { roles: ['host'], active: true, storeId: null })).toBe('不是员工 → 活动签到员（在职）');
    expect(auditSummary('ops.export', null, { from: '2026-11-01', to: '2026-11-30', rows: 64 })).toBe(
      '导出 2026-11-01 至 2026-11-30 的看板数据（64 行）',
    );
  });

  it('says when account deletion cleared the values, and never throws on odd documents', () => {
    expect(auditSummary('ops.adjust', null, null)).toBe('会员已注销，变更内容已清除');
    expect(auditSummary('redeem.cancel', null, null)).toBe('会员已注销，变更内容已清除');
    expect(auditSummary('ops.setBirthday', null, null)).toBe('会员已注销，变更内容已清除');
    expect(auditSummary('ops.setStaff', null, null)).toBe('员工已注销，变更内容已清除');
    expect(auditSummary('ops.adjust', { points: 'x' }, [])).toBe('会员已注销，变更内容已清除');
    expect(auditSummary('ops.setStaff', 7, { roles: 'ops' })).toBe('不是员工 → 不是员工');
    expect(auditSummary('ops.unknown', 1, 2)).toBe('其他操作');
    expect(auditActionName('redeem.cancel')).toBe('作废券');
  });
});
