import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  CODE_ALPHABET,
  INVITE_CODE_RE,
  VOUCHER_CODE_RE,
  formatVoucherCode,
  inviteCode,
  normalizeCode,
  randomCode,
  voucherCode,
  type RandomBytes,
} from './codes';

/** A deterministic "random" source replaying the given bytes in a loop. */
function replay(bytes: number[]): RandomBytes {
  let i = 0;
  return (size) => Uint8Array.from({ length: size }, () => bytes[i++ % bytes.length]);
}

describe('codes', () => {
  it('uses an alphabet without look-alikes', () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('draws only alphabet symbols, of the asked length, from any bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 247 }), { minLength: 1, maxLength: 64 }),
        fc.integer({ min: 1, max: 32 }),
        (bytes, length) => {
          const code = randomCode(replay(bytes), length);
          expect(code).toHaveLength(length);
          expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
        },
      ),
    );
  });

  it('discards bytes ≥ 248 instead of folding them (no modulo bias)', () => {
    expect(randomCode(replay([255, 250, 248, 0]), 1)).toBe(CODE_ALPHABET[0]);
    // Every kept byte value maps to a symbol exactly 8 times: a uniform byte gives a uniform symbol.
    const counts = new Map<string, number>();
    for (let b = 0; b < 248; b++) {
      const c = randomCode(replay([b]), 1);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(31);
    expect([...counts.values()].every((n) => n === 8)).toBe(true);
  });

  it('refuses a broken random source rather than looping forever', () => {
    expect(() => randomCode(replay([255]), 8)).toThrow(/unusable/);
  });

  it('makes invite codes of 8 and voucher codes of 12 (≥ 10) symbols with crypto bytes', () => {
    const invite = inviteCode(randomBytes);
    const voucher = voucherCode(randomBytes);
    expect(invite).toMatch(INVITE_CODE_RE);
    expect(voucher).toMatch(VOUCHER_CODE_RE);
    expect(voucher.length).toBeGreaterThanOrEqual(10);
    const many = new Set(Array.from({ length: 2000 }, () => voucherCode(randomBytes)));
    expect(many.size).toBe(2000);
  });

  it('normalises what staff type and groups codes for reading', () => {
    expect(normalizeCode(' k7qm-2xrt 9pab ')).toBe('K7QM2XRT9PAB');
    expect(formatVoucherCode('K7QM2XRT9PAB')).toBe('K7QM-2XRT-9PAB');
    expect(normalizeCode(formatVoucherCode('K7QM2XRT9PAB'))).toBe('K7QM2XRT9PAB');
  });
});
