import { ledgerEntry } from '../../../cloudfunctions/_common/ledger';
import { createMember } from '../../../cloudfunctions/_common/members';
import { memberId, type TestCloud } from './cloud';

/**
 * Members who already have points, written straight to the database the way the functions would
 * have left them: the member document and an `ops_adjust` ledger entry of the same amount, so
 * Σ ledger = balance holds from the start. Used to set up races of hundreds of members quickly.
 */
export async function seedFundedMembers(
  cloud: TestCloud,
  prefix: string,
  count: number,
  points: number,
  now = Date.now(),
): Promise<string[]> {
  const ids = Array.from({ length: count }, (_v, i) => memberId(`${prefix}${i}`));
  const batch = 50;
  for (let i = 0; i < ids.length; i += batch) {
    await Promise.all(
      ids.slice(i, i + batch).map(async (openid) => {
        const member = { ...createMember(openid, now), points };
        const entry = ledgerEntry({
          openid,
          kind: 'ops_adjust',
          points,
          growth: 0,
          refId: `seed-${openid}`,
          now,
          by: 'test',
          reason: '测试初始积分',
        });
        await cloud.db.add('members', { ...member });
        await cloud.db.add('ledger', { ...entry });
      }),
    );
  }
  return ids;
}

/** Adds (or replaces) content documents; call before the functions first load content (right after a reset). */
export async function putContent(
  cloud: TestCloud,
  collection: string,
  docs: Array<Record<string, unknown> & { _id: string }>,
): Promise<void> {
  await Promise.all(docs.map((d) => cloud.db.set(collection, d._id, d)));
}

/** A basic pack for tests: unlimited per-member limit per day, explicit stock. */
export function testPack(id: string, over: Record<string, unknown> = {}): Record<string, unknown> & { _id: string } {
  return {
    _id: id,
    title: `测试福利 ${id}`,
    description: '测试用福利包',
    minTier: 'basic',
    cost: 10,
    stock: 10,
    perMemberLimit: 1000,
    limitPeriod: 'day',
    startAt: null,
    endAt: null,
    scene: 'normal',
    voucherDays: 7,
    active: true,
    order: 500,
    ...over,
  };
}

/** The Shanghai wall-clock instant `YYYY-MM-DD HH:mm:ss` as ISO. */
export function shanghai(dayTime: string): string {
  return new Date(`${dayTime.replace(' ', 'T')}+08:00`).toISOString();
}
