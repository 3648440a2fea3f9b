/**
 * Invite codes and voucher codes. Randomness comes in as a function (the cloud functions pass
 * `crypto.randomBytes`), so the rule is pure and testable and nothing uses `Math.random`.
 *
 * The alphabet leaves out 0/O, 1/I/L: codes are read aloud at a till and typed by staff.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Returns `size` cryptographically random bytes. */
export type RandomBytes = (size: number) => Uint8Array;

export const INVITE_CODE_LENGTH = 8;
/** 12 symbols of 31 ≈ 59 bits: unguessable within any rate limit; ≥ 10 as the spec asks. */
export const VOUCHER_CODE_LENGTH = 12;

/** A team's join code: 6 symbols (≈ 887 million codes), short enough to read out in a group chat. */
export const TEAM_CODE_LENGTH = 6;

export const INVITE_CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`);
export const VOUCHER_CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${VOUCHER_CODE_LENGTH}}$`);
export const TEAM_CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${TEAM_CODE_LENGTH}}$`);

/**
 * `length` symbols drawn uniformly from the alphabet. Bytes ≥ 248 (= 31 × 8) are discarded
 * instead of taken modulo 31, which would make the first symbols more likely (modulo bias).
 */
export function randomCode(random: RandomBytes, length: number): string {
  const n = CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  // Each byte is kept with probability 248/256, so a few spare bytes per draw are plenty;
  // the guard stops a broken generator (e.g. all 0xFF) from looping forever.
  for (let draws = 0; out.length < length; draws++) {
    if (draws > 64) throw new Error('random source returned too many unusable bytes');
    const bytes = random(length - out.length + 4);
    for (const b of bytes) {
      if (b < limit) out += CODE_ALPHABET[b % n];
      if (out.length === length) break;
    }
  }
  return out;
}

export function inviteCode(random: RandomBytes): string {
  return randomCode(random, INVITE_CODE_LENGTH);
}

export function teamCode(random: RandomBytes): string {
  return randomCode(random, TEAM_CODE_LENGTH);
}

export function voucherCode(random: RandomBytes): string {
  return randomCode(random, VOUCHER_CODE_LENGTH);
}

/**
 * What a person types or scans, in canonical form: upper case, spaces and dashes removed (codes
 * are shown grouped `K7QM-2XRT-9PAB`). Look-alikes are not guessed: an `O` simply fails.
 */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** `K7QM2XRT9PAB` → `K7QM-2XRT-9PAB`, easier to read out at a till. */
export function formatVoucherCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}
