import { readDeletionMark, voucherOnDeletion } from './accountDeletion';

describe('accountDeletion', () => {
  it('keeps used vouchers, cancels unused ones and removes cancelled ones', () => {
    expect(voucherOnDeletion('used')).toBe('keep');
    expect(voucherOnDeletion('issued')).toBe('cancel');
    expect(voucherOnDeletion('expired')).toBe('cancel');
    expect(voucherOnDeletion('cancelled')).toBe('remove');
  });

  it('reads any stored mark as a mark (fail closed), keeping only a valid anonymous id', () => {
    const mark = { at: '2030-01-01T00:00:00.000Z', anon: 'anon_0123456789abcdef01234567' };
    expect(readDeletionMark(mark)).toEqual(mark);
    expect(readDeletionMark(null)).toBeNull();
    expect(readDeletionMark(undefined)).toBeNull();
    expect(readDeletionMark({ at: mark.at })).toEqual({ at: mark.at, anon: '' });
    expect(readDeletionMark({ ...mark, anon: 'oRealOpenid_xxxxxxxxxxxxxxxx' })).toEqual({ at: mark.at, anon: '' });
    expect(readDeletionMark(true)).toEqual({ at: '', anon: '' });
  });
});
