import fs from 'node:fs';
import path from 'node:path';
import { ledgerEntry } from '../../../cloudfunctions/_common/ledger';
import { createMember } from '../../../cloudfunctions/_common/members';
import { demoSeedDir, memberId, type TestCloud } from './cloud';

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

/**
 * A localcloud seed directory (`<collection>.json`): the demo program plus `packs`, and `members`
 * funded with `points` each — member documents with their `ops_adjust` ledger entries, so
 * Σ ledger = balance from the start — and the member counter. For localclouds started from files
 * (a spawned CLI, the benchmark), where seeding through the SDK would cost the run its time.
 */
export function writeSeedDir(
  dir: string,
  options: { packs: Array<Record<string, unknown>>; members: string[]; points: number; now: number; campaigns?: boolean },
): string {
  demoSeedDir(dir, { campaigns: options.campaigns });
  const packs = JSON.parse(fs.readFileSync(path.join(dir, 'benefit_packs.json'), 'utf8')) as Array<Record<string, unknown>>;
  fs.writeFileSync(path.join(dir, 'benefit_packs.json'), JSON.stringify([...packs, ...options.packs]));
  const { members, points, now } = options;
  fs.writeFileSync(path.join(dir, 'members.json'), JSON.stringify(members.map((id) => ({ ...createMember(id, now), points }))));
  const entries = members.map((id) =>
    ledgerEntry({ openid: id, kind: 'ops_adjust', points, growth: 0, refId: `seed-${id}`, now, by: 'seed', reason: '初始积分' }),
  );
  fs.writeFileSync(path.join(dir, 'ledger.json'), JSON.stringify(entries));
  fs.writeFileSync(path.join(dir, 'counters.json'), JSON.stringify([{ _id: 'members', count: members.length }]));
  return dir;
}
