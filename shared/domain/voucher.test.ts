import { atMinute } from '../time/shanghai';
import { effectiveVoucherStatus, redemptionId, voucherExpiresAt } from './voucher';

describe('voucher', () => {
  it('is valid through the end of the last Shanghai day', () => {
    const issued = atMinute('2026-11-23', 23 * 60 + 50);
    expect(voucherExpiresAt(issued, 7)).toBe(new Date(atMinute('2026-11-30', 0)).toISOString());
    expect(voucherExpiresAt(issued, 1)).toBe(new Date(atMinute('2026-11-24', 0)).toISOString());
  });

  it('shows an issued voucher past its expiry as expired; other statuses stay', () => {
    const expires = voucherExpiresAt(atMinute('2026-11-23', 600), 1);
    expect(effectiveVoucherStatus('issued', expires, atMinute('2026-11-23', 23 * 60 + 59))).toBe('issued');
    expect(effectiveVoucherStatus('issued', expires, atMinute('2026-11-24', 0))).toBe('expired');
    expect(effectiveVoucherStatus('used', expires, atMinute('2026-12-24', 0))).toBe('used');
    expect(effectiveVoucherStatus('cancelled', expires, atMinute('2026-12-24', 0))).toBe('cancelled');
  });

  it('ids a redemption by member and request, so a retry collides', () => {
    expect(redemptionId('oAbc', 'req_12345678')).toBe('oAbc_req_12345678');
  });
});
