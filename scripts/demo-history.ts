/**
 * A lived-in member center for `npm start`: gives the H5 demo member 林小满 about two weeks of
 * history, made the honest way — by calling the real cloud functions through localcloud with its
 * clock set to past days (then released). Nothing is written to the database directly, so every
 * invariant (ledger = balance, badges once, stock…) holds for the demo data too.
 *
 * What the demo member ends up with (relative to today, Shanghai):
 * - check-ins on each of the last 12 days: a 12-day streak running to yesterday, not checked in
 *   today (the check-in button is live), the 7-day bonus on the way;
 * - three invited friends: 小禾 activated (and rewarded), 阿澈 in progress (1 of 3 days),
 *   周周 who never activated (expired);
 * - a 积分兑换优惠 voucher already used at the store, and an unused 年度专属资料包 voucher;
 * - an ops grant for an offline salon; badges first check-in, first leaf, first invite, first
 *   redemption seen, and 七日坚持 still unseen — so home opens with its unlock ceremony;
 * - while the demo's 冬日组队签到挑战 runs: a team she captains with 小禾 and 乔乔, whose own
 *   check-ins since the start move its bar (home shows "你的队伍还差 … 次签到"). When the
 *   challenge is not open for teams at those dates (content older than the clock), no team.
 * - a birthday in the current month, set two weeks ago: the first visit of home credits the
 *   birthday gift with its ceremony, and the birthday-month pack is open;
 * - 30 points given to an open charity project (公益初心 lit: the certificate shows);
 * - with the demo campaigns (npm start seeds them), the check-ins of their live days boosted and
 *   joined — their dates are real dates, so what shows depends on the day it runs;
 * - a store purchase a year ago (the month twelve months back), reported by the till through the
 *   signed `partner` API and released by the `jobs` timer after its hold — its points are the
 *   oldest, partly spent on the vouchers, and the rest expire at the end of this month (home warns);
 * - a reading salon three days ago, checked in at the door by the demo host scanning her 会员码;
 * - a purchase two days ago paid by showing her 会员码: its points still pending on home.
 * The demo member therefore joined a year ago; her check-in history starts two weeks ago.
 * Two demo events are written into `events` the way ops would import them in the console: the
 * salon, and a member open day running all of today (for trying 活动签到 as the host).
 */
import type { ActionName, ApiInput, ApiOutput, FunctionName } from '../shared/contracts/api';
import type { Envelope } from '../shared/envelope';
import { addDays, addMonths, atMinute, dayOf, monthOf, type DayString } from '../shared/time/shanghai';
import type { Localcloud } from '../localcloud';
import { demoPartnerSecret, postPartner } from './partner-client';

export const DEMO_MEMBER = 'oDemo_Member_Lin_00000000001';
export const DEMO_NICKNAME = '林小满';
export const DEMO_VERIFIER = 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA';
export const DEMO_OPS = 'oOps5Gh8TzR2kWq7NvB4xMe9LcJ1';
export const DEMO_HOST = 'oHost3Fq8LmW2xNc7RtY5pKd9VbZ';

/** The demo member's invited friends (openids are realistic: "o" + 27 characters). */
export const DEMO_FRIENDS = {
  activated: { openid: 'oDemo_Friend_He_000000000001', nickname: '小禾' },
  inProgress: { openid: 'oDemo_Friend_Che_00000000002', nickname: '阿澈' },
  expired: { openid: 'oDemo_Friend_Zhou_0000000003', nickname: '周周' },
} as const;

/** The demo member's teammate who came to the team on her own (not through an invite). */
export const DEMO_TEAMMATE = { openid: 'oDemo_Mate_Qiao_000000000004', nickname: '乔乔' } as const;

/** The demo challenge 林小满's team plays. */
export const DEMO_CHALLENGE = 'winter_checkin_team';

/**
 * Calls a function as a member through localcloud (the gateway's path, without HTTP) and returns
 * its data, or throws with the function's error code. Handy for e2e setup too.
 */
export async function callAs<F extends FunctionName, A extends ActionName<F>>(
  lc: Pick<Localcloud, 'invoke'>,
  openid: string,
  fn: F,
  action: A,
  input: ApiInput<F, A>,
): Promise<ApiOutput<F, A>> {
  const { outcome } = await lc.invoke(fn, { ...(input as object), action }, { openid });
  if (outcome.kind !== 'ok') throw new Error(`${fn}.${action} as ${openid} did not answer (${outcome.kind})`);
  const answer = JSON.parse(outcome.json) as Envelope<ApiOutput<F, A>>;
  if (!answer.ok) throw new Error(`${fn}.${action} as ${openid}: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

/** A store's till reporting an order through the signed `partner` API, on localcloud's clock. */
async function reportOrder(lc: Localcloud, body: Record<string, unknown>): Promise<void> {
  const answer = await postPartner(`${lc.url}/http/partner`, 'orders', body, demoPartnerSecret(), {
    timestamp: Math.floor(lc.now().getTime() / 1000),
  });
  if (answer.status !== 200) throw new Error(`partner order ${String(body.orderId)}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** The demo's dated events, imported into `events` as ops would in the console (导入, Upsert). */
async function importDemoEvents(lc: Localcloud, today: DayString): Promise<void> {
  const salonDay = addDays(today, -3);
  const events = [
    {
      _id: 'demo_reading_salon',
      title: '周末读书会',
      place: '静安店二楼',
      startAt: `${salonDay}T14:00`,
      endAt: `${salonDay}T16:00`,
      points: 30,
      growth: 20,
      kind: 'activity',
      description: '本期共读《小王子》，到场扫会员码签到。',
      active: true,
    },
    {
      _id: 'demo_open_day',
      title: '会员开放日',
      place: '静安店',
      startAt: today,
      endAt: today,
      points: 20,
      growth: 10,
      kind: 'activity',
      description: '全天到店出示会员码签到，领开放日积分。',
      active: true,
    },
  ];
  const res = await fetch(`${lc.url}/console/api/collections/events/import?mode=upsert`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson' },
    body: events.map((e) => JSON.stringify(e)).join('\n'),
  });
  if (!res.ok) throw new Error(`importing the demo events: ${res.status} ${await res.text()}`);
}

/** Whether localcloud holds no member yet (the history is only written into an empty database). */
export function isEmptyDatabase(lc: Pick<Localcloud, 'stats'>): boolean {
  return (lc.stats().collections.members ?? 0) === 0;
}

/** The demo member's birthday: the 8th of the current month (Shanghai), so the demo shows the birthday month. */
export function demoBirthday(today: string): string {
  return `${today.slice(5, 7)}-08`;
}

/** 30 points to the first charity project open that day (none open: nothing given). */
async function donateToAnOpenProject(lc: Localcloud, openid: string): Promise<void> {
  const { projects } = await callAs(lc, openid, 'member', 'charity', {});
  const open = projects.find((p) => p.status === 'open');
  if (open) await callAs(lc, openid, 'member', 'donate', { projectId: open.id, points: 30, requestId: 'demo-lin-donate-0001' });
}

export async function seedDemoHistory(lc: Localcloud): Promise<void> {
  if (!isEmptyDatabase(lc)) return;
  const now = Date.now();
  const day0 = dayOf(now);
  /** Shanghai wall-clock time `hh:mm` on `today - daysAgo`. */
  const at = (daysAgo: number, hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    lc.setClock(atMinute(addDays(day0, -daysAgo), h * 60 + m));
  };
  const lin = DEMO_MEMBER;
  const { activated: he, inProgress: che, expired: zhou } = DEMO_FRIENDS;
  const checkin = (openid: string) => callAs(lc, openid, 'checkin', 'checkin', {});
  const qiao = DEMO_TEAMMATE;
  let teamCode: string | null = null;
  const inTeam = new Set<string>();
  /** 林小满 starts her team on the first day the challenge takes teams; her teammates join once they are around. */
  const team = async (mates: string[]) => {
    if (!teamCode) {
      const { challenges } = await callAs(lc, lin, 'team', 'challenges', {});
      if (!challenges.some((c) => c.challenge.id === DEMO_CHALLENGE && c.challenge.joinable)) return;
      teamCode = (await callAs(lc, lin, 'team', 'create', { challengeId: DEMO_CHALLENGE })).team?.code ?? null;
    }
    for (const mate of mates.filter((m) => !inTeam.has(m))) {
      await callAs(lc, mate, 'team', 'join', { code: teamCode ?? '' });
      inTeam.add(mate);
    }
  };
  const join = async (who: { openid: string; nickname: string }, code: string) => {
    await callAs(lc, who.openid, 'member', 'profile', { nickname: who.nickname });
    await callAs(lc, who.openid, 'invite', 'bind', { code });
  };

  /** Shanghai wall-clock time `hh:mm` on a day. */
  const on = (day: DayString, hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    lc.setClock(atMinute(day, h * 60 + m));
  };

  try {
    await importDemoEvents(lc, day0);

    // A year ago (the first of the month twelve months back): her first purchase in the store.
    const yearAgo = `${addMonths(monthOf(now), -12)}-01`;
    on(yearAgo, '10:00');
    await callAs(lc, lin, 'member', 'profile', { nickname: DEMO_NICKNAME });
    await reportOrder(lc, {
      orderId: `POS-SH01-${yearAgo.replace(/-/g, '')}-0001`,
      openid: lin,
      amount: 26_800,
      paidAt: lc.now().toISOString(),
      storeId: 'sh-jingan-01',
    });
    // The timer releases the points once the 7-day hold is over.
    on(addDays(yearAgo, 8), '00:05');
    await lc.fireTrigger('jobs', 'schedule');

    at(14, '20:10');
    // The birthday is set two weeks ago (not a year ago: last year's birthday month would have paid a gift then).
    await callAs(lc, lin, 'member', 'profile', { birthday: demoBirthday(day0) });
    const { code } = await callAs(lc, lin, 'invite', 'card', {});
    await team([]);

    at(13, '21:00');
    await join(zhou, code);
    await checkin(zhou.openid);

    for (let daysAgo = 12; daysAgo >= 1; daysAgo--) {
      at(daysAgo, daysAgo % 3 === 0 ? '07:45' : daysAgo % 3 === 1 ? '12:20' : '22:05');
      await checkin(lin);
      if (daysAgo === 12) {
        await join(he, code);
        await checkin(he.openid);
      }
      if (daysAgo === 9) await callAs(lc, qiao.openid, 'member', 'profile', { nickname: qiao.nickname });
      await team(daysAgo <= 9 ? [he.openid, qiao.openid] : daysAgo <= 12 ? [he.openid] : []);
      // The teammates' own check-ins: what moves the team's bar once the challenge runs.
      if (daysAgo <= 7 && daysAgo >= 2) await checkin(he.openid);
      if ([8, 6, 5, 3, 1].includes(daysAgo)) await checkin(qiao.openid);
      // 小禾's third check-in day activates the invite: 林小满 is rewarded then, not at the share.
      if (daysAgo === 11 || daysAgo === 10) await checkin(he.openid);
      if (daysAgo === 9) {
        await callAs(lc, lin, 'redeem', 'redeem', { packId: 'basic_points_coupon', requestId: 'demo-lin-coupon-0001' });
      }
      if (daysAgo === 8) {
        const [coupon] = (await callAs(lc, lin, 'redeem', 'mine', { status: 'issued' })).vouchers;
        at(8, '18:30');
        await callAs(lc, DEMO_VERIFIER, 'redeem', 'verify', { voucherCode: coupon.code });
      }
      if (daysAgo === 6) await donateToAnOpenProject(lc, lin);
      if (daysAgo === 5) {
        await callAs(lc, lin, 'redeem', 'redeem', { packId: 'basic_annual_kit', requestId: 'demo-lin-annual-0001' });
      }
      if (daysAgo === 4) {
        await callAs(lc, DEMO_OPS, 'ops', 'adjust', {
          openid: lin,
          points: 100,
          growth: 60,
          reason: '线下沙龙签到奖励',
          requestId: 'demo-lin-salon-0001',
        });
      }
      if (daysAgo === 3) {
        await join(che, code);
        await checkin(che.openid);
        // At the reading salon's door the host scans her 会员码.
        at(3, '14:05');
        const { code: memberCode } = await callAs(lc, lin, 'member', 'code', {});
        await callAs(lc, DEMO_HOST, 'event', 'attend', { eventId: 'demo_reading_salon', memberCode });
      }
      if (daysAgo === 2) {
        // Coffee beans on the way home, paid showing her 会员码: points pending for the refund window.
        at(2, '22:30');
        const { code: memberCode } = await callAs(lc, lin, 'member', 'code', {});
        await reportOrder(lc, {
          orderId: `POS-SH01-${addDays(day0, -2).replace(/-/g, '')}-0042`,
          memberCode,
          amount: 6_600,
          paidAt: lc.now().toISOString(),
          storeId: 'sh-jingan-01',
        });
      }
    }

    // The ceremonies of older badges were seen; 七日坚持 waits for the member on home.
    const wall = await callAs(lc, lin, 'member', 'badges', {});
    const seen = wall.badges.filter((b) => b.earned && b.id !== 'streak_7').map((b) => b.id);
    if (seen.length > 0) await callAs(lc, lin, 'member', 'badgesSeen', { badgeIds: seen });
  } finally {
    lc.setClock(null);
  }
}
