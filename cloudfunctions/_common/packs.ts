import type { BenefitPackDoc } from '@shared/content/benefitPacks';
import type { TierId } from '@shared/content/ids';
import type { Program } from '@shared/content/validateProgram';
import type { PackView } from '@shared/contracts/redeem';
import { packEligibility } from '@shared/domain/packEligibility';
import { dateWindowText, scheduleText } from '@shared/domain/packSchedule';
import { limitCounterId, periodKey } from '@shared/domain/period';
import { tierName } from '@shared/domain/tiers';
import { COLLECTIONS } from './collections';
import { MAX_PAGE, type Database } from './db';

/**
 * Live state of packs for one member: stock left (read fresh — it changes with every redemption,
 * unlike the rest of the cached pack document) and this member's redemptions in each pack's
 * current limit period (counter documents `openid_packId_periodKey`).
 */
export interface PackLiveState {
  stockLeft(pack: BenefitPackDoc): number | null;
  usedInPeriod(pack: BenefitPackDoc): number;
}

export interface LimitCounterDoc {
  _id: string;
  openid: string;
  packId: string;
  period: string;
  count: number;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_PAGE) out.push(items.slice(i, i + MAX_PAGE));
  return out;
}

/** Stock of packs with a finite stock, fresh (one read per 100 packs). */
export async function readStock(db: Database, packs: readonly BenefitPackDoc[]): Promise<Map<string, number | null>> {
  const _ = db.command;
  const finite = packs.filter((p) => p.stock !== null).map((p) => p._id);
  const out = new Map<string, number | null>(packs.map((p) => [p._id, p.stock === null ? null : 0]));
  const pages = await Promise.all(
    chunks(finite).map((ids) =>
      db.find<{ _id: string; stock?: unknown }>(COLLECTIONS.benefitPacks, { _id: _.in(ids) }, { limit: MAX_PAGE, field: { stock: true } }),
    ),
  );
  for (const doc of pages.flat()) {
    // A stock ops turned into null (unlimited) counts as unlimited; anything else broken as sold out.
    out.set(doc._id, doc.stock === null ? null : typeof doc.stock === 'number' ? Math.max(0, doc.stock) : 0);
  }
  return out;
}

export async function readUsage(db: Database, openid: string, packs: readonly BenefitPackDoc[], now: number): Promise<Map<string, number>> {
  const _ = db.command;
  const ids = new Map(packs.map((p) => [limitCounterId(openid, p._id, periodKey(p.limitPeriod, now)), p._id]));
  const out = new Map<string, number>(packs.map((p) => [p._id, 0]));
  const pages = await Promise.all(
    chunks([...ids.keys()]).map((chunk) => db.find<LimitCounterDoc>(COLLECTIONS.redeemLimits, { _id: _.in(chunk) }, { limit: MAX_PAGE })),
  );
  for (const doc of pages.flat()) {
    const packId = ids.get(doc._id);
    if (packId) out.set(packId, typeof doc.count === 'number' ? doc.count : 0);
  }
  return out;
}

export async function packLiveState(db: Database, openid: string, packs: readonly BenefitPackDoc[], now: number): Promise<PackLiveState> {
  const [stock, usage] = await Promise.all([readStock(db, packs), readUsage(db, openid, packs, now)]);
  return {
    stockLeft: (p) => (stock.has(p._id) ? (stock.get(p._id) ?? null) : p.stock),
    usedInPeriod: (p) => usage.get(p._id) ?? 0,
  };
}

export function packView(
  pack: BenefitPackDoc,
  program: Program,
  member: { tier: TierId; points: number },
  now: number,
  live: PackLiveState,
): PackView {
  const stockLeft = live.stockLeft(pack);
  const usedInPeriod = live.usedInPeriod(pack);
  return {
    id: pack._id,
    title: pack.title,
    description: pack.description,
    image: pack.image,
    scene: pack.scene,
    minTier: pack.minTier,
    minTierName: tierName(program.tiers, pack.minTier),
    cost: pack.cost,
    stockLeft,
    perMemberLimit: pack.perMemberLimit,
    limitPeriod: pack.limitPeriod,
    usedInPeriod,
    scheduleText: scheduleText(pack.schedule),
    dateText: dateWindowText(pack),
    startAt: pack.startAt,
    endAt: pack.endAt,
    voucherDays: pack.voucherDays,
    eligibility: packEligibility(pack, { memberTier: member.tier, points: member.points, now, usedInPeriod, stockLeft }),
  };
}

export function byShelfOrder(a: BenefitPackDoc, b: BenefitPackDoc): number {
  return a.order - b.order || a._id.localeCompare(b._id);
}
