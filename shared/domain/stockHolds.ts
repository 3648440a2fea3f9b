import { toMs } from '../time/shanghai';

/**
 * Crash-safe stock. A redemption takes a unit of a pack's stock with one conditional update of
 * the pack document that also writes a *hold* — `holds.<redemptionId> = {t, at, o}` — so the
 * question "was a unit taken for this request, and is it spoken for?" always has an answer on
 * the live document, whatever crashed when:
 *
 * - the member's transaction that issues the voucher records the hold's token (`holdToken`) on
 *   the redemption it writes: a hold whose token a redemption carries is *consumed*;
 * - a hold nobody consumed is *given back* (stock + 1, hold removed) by one conditional update on
 *   the token, which can only succeed once;
 * - before a hold that might still be consumed is given back, its token is *voided* on the
 *   member's document; the issuing transaction reads that document, so from then on it can only
 *   refuse — never issue with a unit that went back (no oversell), never leave it taken (no leak).
 *
 * Units taken = vouchers issued − vouchers cancelled, exactly, once every hold is settled; the
 * `jobs` function settles holds left by crashed calls (`holdFate`), and a retry of the same
 * request adopts its own hold on the spot.
 */
export interface StockHold {
  /** Token of this take (random; a redemption consuming it records it as `holdToken`). */
  t: string;
  /** When the unit was taken (ms). */
  at: number;
  /** The member who asked. */
  o: string;
}

/**
 * A hold older than this belongs to a call that can no longer commit on its own: functions time
 * out after 20 s (config.json) and the transaction's retries end before that. Settling a younger
 * hold is still safe (the void comes first); it would only refuse a call that was about to succeed.
 */
export const HOLD_STALE_MS = 60_000;

/** How long a void is remembered on the member document (far beyond any call that could hold the token). */
export const VOID_KEPT_MS = 3_600_000;

/** The pack document's field holding the hold of a redemption. */
export function holdField(redemptionId: string): string {
  return `holds.${redemptionId}`;
}

/** The holds of a pack document, read defensively (anything malformed is left out). */
export function readHolds(raw: unknown): Map<string, StockHold> {
  const out = new Map<string, StockHold>();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const h = value as Record<string, unknown>;
    if (typeof h.t === 'string' && typeof h.at === 'number' && typeof h.o === 'string') out.set(id, { t: h.t, at: h.at, o: h.o });
  }
  return out;
}

/**
 * What to do with a hold, given the redemption of its request (null when there is none):
 * - `release`: a redemption consumed it — remove the hold, the unit stays taken;
 * - `giveBack`: a redemption exists but consumed another unit (or none) — the unit goes back,
 *   no void needed: every transaction of that request now finds the redemption and stops;
 * - `wait`: no redemption yet and the call may still be running;
 * - `void`: no redemption and the call is stale — void the token on the member, look again, then
 *   release or give back.
 */
export type HoldFate = 'release' | 'giveBack' | 'wait' | 'void';

export function holdFate(hold: StockHold, redemption: { holdToken?: string | null } | null, now: number): HoldFate {
  if (redemption) return redemption.holdToken === hold.t ? 'release' : 'giveBack';
  return now - hold.at < HOLD_STALE_MS ? 'wait' : 'void';
}

/** Voids still worth remembering at `now` (older ones can no longer matter). */
export function liveVoids(voided: Record<string, string>, now: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [token, at] of Object.entries(voided)) if (now - toMs(at) < VOID_KEPT_MS) out[token] = at;
  return out;
}
