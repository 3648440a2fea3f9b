import { codeExpiresAt, codeRefreshAt, codeWindow, MEMBER_CODE_DIGITS } from '@shared/domain/memberCode';
import { AppError } from '@shared/errors';
import { toIso } from '@shared/time/shanghai';
import { COLLECTIONS } from './collections';
import { isDuplicateKey, type Database } from './db';
import type { Secrets } from './secrets';

/**
 * Members' 会员码 (`shared/domain/memberCode.ts`): 18 digits cut from the HMAC of the openid and
 * the 30-second window under the environment's `memberCodes` secret. A code cannot be inverted,
 * so each one issued gets a lookup document, `member_codes/<code>` `{openid, window, variant,
 * expiresAt}`: resolving a code is one read by `_id`. A code that is not there was never issued
 * (forged or mistyped); one past its expiry is refused; and a document that does not match the
 * HMAC of its own openid and window (written by hand) is refused too.
 *
 * Two members whose codes collide in one window (1 in 10^18 per pair) are told apart by a
 * variant number in the HMAC's input: the second member gets the next variant's code.
 */
export interface MemberCodeDoc {
  _id: string;
  openid: string;
  window: number;
  variant: number;
  expiresAt: string;
  createdAt: string;
}

export interface IssuedCode {
  code: string;
  expiresAt: string;
  refreshAt: string;
}

const VARIANTS = 4;

/** 18 digits from a hex digest: its first 96 bits modulo 10^18 (uniform to within 10^-10). */
export function codeFromDigest(hex: string): string {
  if (!/^[0-9a-f]{24,}$/i.test(hex)) throw new Error('digest too short for a member code');
  const n = BigInt(`0x${hex.slice(0, 24)}`) % BigInt(10) ** BigInt(MEMBER_CODE_DIGITS);
  return n.toString().padStart(MEMBER_CODE_DIGITS, '0');
}

export class MemberCodes {
  constructor(
    private readonly db: Database,
    private readonly secrets: Secrets,
  ) {}

  private async derive(openid: string, window: number, variant: number): Promise<string> {
    return codeFromDigest(await this.secrets.hmac('memberCodes', `${openid}:${window}:${variant}`));
  }

  /**
   * The member's code for the window of `now` (the same one when asked again in that window).
   * Round trips: one insert (+1 read when the window's code was issued already).
   */
  async issue(openid: string, now: number): Promise<IssuedCode> {
    const window = codeWindow(now);
    const expiresAt = toIso(codeExpiresAt(window));
    const answer = (code: string): IssuedCode => ({ code, expiresAt, refreshAt: toIso(codeRefreshAt(window)) });
    for (let variant = 0; variant < VARIANTS; variant++) {
      const code = await this.derive(openid, window, variant);
      const doc: MemberCodeDoc = { _id: code, openid, window, variant, expiresAt, createdAt: toIso(now) };
      try {
        await this.db.add(COLLECTIONS.memberCodes, { ...doc });
        return answer(code);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const taken = await this.db.get<MemberCodeDoc>(COLLECTIONS.memberCodes, code);
      if (taken?.openid === openid) return answer(code);
    }
    throw new AppError('BUSY');
  }

  /** The openid a code names at `now`: MEMBER_CODE_INVALID when never issued, MEMBER_CODE_EXPIRED after its 60 s. One read. */
  async resolve(code: string, now: number): Promise<string> {
    const doc = await this.db.get<Partial<MemberCodeDoc>>(COLLECTIONS.memberCodes, code);
    if (!doc || typeof doc.openid !== 'string' || typeof doc.window !== 'number' || typeof doc.variant !== 'number') {
      throw new AppError('MEMBER_CODE_INVALID');
    }
    if ((await this.derive(doc.openid, doc.window, doc.variant)) !== code) throw new AppError('MEMBER_CODE_INVALID');
    if (now >= codeExpiresAt(doc.window))
      throw new AppError('MEMBER_CODE_EXPIRED', undefined, { expiredAt: toIso(codeExpiresAt(doc.window)) });
    return doc.openid;
  }

  /** Lookup documents expired before `before` (ms), up to `limit` (the `jobs` clean-up). */
  async removeExpired(before: number, limit: number): Promise<number> {
    const expired = await this.db.find<{ _id: string }>(
      COLLECTIONS.memberCodes,
      { expiresAt: this.db.op.lt(toIso(before)) },
      { limit, field: { _id: true } },
    );
    if (expired.length === 0) return 0;
    return this.db.removeWhere(COLLECTIONS.memberCodes, { _id: this.db.op.in(expired.map((d) => d._id)) });
  }
}
