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
 *   joined — their dates are real dates, so what shows depends on the day it runs.
 */
import type { ActionName, ApiInput, ApiOutput, FunctionName } from '../shared/contracts/api';
import type { Envelope } from '../shared/envelope';
import { addDays, atMinute, dayOf } from '../shared/time/shanghai';
import type { Localcloud } from '../localcloud';

export const DEMO_MEMBER = 'oDemo_Member_Lin_00000000001';
export const DEMO_NICKNAME = '林小满';
export const DEMO_VERIFIER = 'oVfr7Kq2mXnP4sLdE9wT3bYcH6jA';
export const DEMO_OPS = 'oOps5Gh8TzR2kWq7NvB4xMe9LcJ1';

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

  try {
    at(14, '20:10');
    await callAs(lc, lin, 'member', 'profile', { nickname: DEMO_NICKNAME, birthday: demoBirthday(day0) });
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
