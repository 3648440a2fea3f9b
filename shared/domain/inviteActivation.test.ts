import { atMinute } from '../time/shanghai';
import { activationDeadline, bindRejection, inviteActivationState, inviterRewardDecision } from './inviteActivation';
import { SETTINGS } from './__fixtures__/program';

const BOUND = new Date(atMinute('2026-11-23', 20 * 60)).toISOString(); // Monday 20:00 Shanghai
const invite = { boundAt: BOUND, status: 'bound' as const };
const at = (day: string) => atMinute(day, 12 * 60);

describe('activationDeadline', () => {
  it('counts the binding day as day 1 of 7', () => {
    expect(activationDeadline(BOUND, SETTINGS)).toEqual({
      lastDay: '2026-11-29',
      endsAt: new Date(atMinute('2026-11-30', 0)).toISOString(),
    });
  });
});

describe('inviteActivationState (3 check-in days within 7 days, or a first redemption)', () => {
  it('activates on the third distinct check-in day inside the window', () => {
    const s = inviteActivationState(invite, ['2026-11-23', '2026-11-25', '2026-11-25', '2026-11-29'], false, SETTINGS, at('2026-11-29'));
    expect(s).toEqual({
      activated: true,
      via: 'checkins',
      activatedOn: '2026-11-29',
      progress: { checkinDays: 3, needed: 3, deadline: '2026-11-29' },
      expired: false,
    });
  });

  it('shows progress before activation and ignores days outside the window', () => {
    const s = inviteActivationState(invite, ['2026-11-22', '2026-11-24', '2026-11-30'], false, SETTINGS, at('2026-11-26'));
    expect(s).toMatchObject({ activated: false, progress: { checkinDays: 1, needed: 3 }, expired: false });
  });

  it('expires once the window closes without activation', () => {
    const s = inviteActivationState(invite, ['2026-11-24', '2026-11-25'], false, SETTINGS, at('2026-11-30'));
    expect(s).toMatchObject({ activated: false, expired: true });
    // The answer about the window does not change when computed later.
    expect(inviteActivationState(invite, ['2026-11-24', '2026-11-25', '2026-12-01'], false, SETTINGS, at('2026-12-02')).activated).toBe(
      false,
    );
  });

  it('activates on a first redemption when the rule allows it', () => {
    expect(inviteActivationState(invite, [], true, SETTINGS, at('2026-11-24'))).toMatchObject({ activated: true, via: 'redemption' });
    const noRedemption = {
      ...SETTINGS,
      invite: { ...SETTINGS.invite, activation: { ...SETTINGS.invite.activation, orFirstRedemption: false } },
    };
    expect(inviteActivationState(invite, [], true, noRedemption, at('2026-11-24')).activated).toBe(false);
  });

  it('trusts a stored activation', () => {
    expect(
      inviteActivationState({ ...invite, status: 'rewarded', activatedAt: at('2026-11-25') }, [], false, SETTINGS, at('2027-01-01')),
    ).toMatchObject({
      activated: true,
      via: 'stored',
      activatedOn: '2026-11-25',
      expired: false,
    });
  });
});

describe('inviterRewardDecision (cap 5 per day)', () => {
  it('rewards under the cap and refuses at it, with the reason', () => {
    expect(inviterRewardDecision(0, SETTINGS)).toEqual({ reward: true, points: 50, growth: 30 });
    expect(inviterRewardDecision(4, SETTINGS)).toEqual({ reward: true, points: 50, growth: 30 });
    expect(inviterRewardDecision(5, SETTINGS)).toEqual({ reward: false, reason: 'DAILY_CAP', cap: 5 });
  });

  it('does not "reward" zero', () => {
    const none = { ...SETTINGS, invite: { ...SETTINGS.invite, rewardPoints: 0, rewardGrowth: 0 } };
    expect(inviterRewardDecision(0, none)).toEqual({ reward: false, reason: 'NO_REWARD_CONFIGURED', cap: 5 });
  });
});

describe('bindRejection', () => {
  const joined = atMinute('2026-11-23', 10 * 60);
  const invitee = { _id: 'oInvitee_aaaaaaaaaaaaaaaaaaaa', createdAt: joined, checkinDays: 0, invitedBy: null };

  it('accepts a brand-new member', () => {
    expect(bindRejection('oInviter_aaaaaaaaaaaaaaaaaaaa', invitee, SETTINGS, joined + 60_000)).toBeNull();
  });

  it('refuses self, a second bind, a member who checked in, and one older than 24 h', () => {
    expect(bindRejection(invitee._id, invitee, SETTINGS, joined)).toBe('SELF_INVITE');
    expect(bindRejection('oX_aaaaaaaaaaaa', { ...invitee, invitedBy: 'oY_aaaaaaaaaaaa' }, SETTINGS, joined)).toBe('ALREADY_INVITED');
    expect(bindRejection('oX_aaaaaaaaaaaa', { ...invitee, checkinDays: 1 }, SETTINGS, joined)).toBe('NOT_NEW_MEMBER');
    expect(bindRejection('oX_aaaaaaaaaaaa', invitee, SETTINGS, joined + 24 * 3_600_000)).toBe('NOT_NEW_MEMBER');
  });

  it('refuses a member who deleted an earlier account, however new this one is', () => {
    expect(bindRejection('oX_aaaaaaaaaaaa', { ...invitee, returning: true }, SETTINGS, joined + 60_000)).toBe('NOT_NEW_MEMBER');
    expect(bindRejection('oX_aaaaaaaaaaaa', { ...invitee, returning: false }, SETTINGS, joined + 60_000)).toBeNull();
  });
});
