import fc from 'fast-check';
import type { CampaignDoc } from '../content/campaigns';
import { startOfDay } from '../time/shanghai';
import {
  boostAmount,
  campaignBoost,
  campaignPhase,
  campaignsToJoin,
  campaignThatMatters,
  daysLeft,
  daysUntil,
  visibleCampaigns,
} from './campaigns';
import { campaign as mayCampaign } from './__fixtures__/program';

/** Campaigns here boost check-ins unless told otherwise. */
function campaign(id: string, over: Record<string, unknown> = {}): CampaignDoc {
  return mayCampaign(id, { boosts: { checkin: { pointsMultiplier: 2, growthMultiplier: 1.5 } }, ...over });
}

const sh = (wall: string) => `${wall.replace(' ', 'T')}+08:00`;
const C = campaign('thanks');

describe('campaignPhase: each boundary to the second, Shanghai time', () => {
  it.each([
    ['2031-04-30 23:59:59', 'upcoming'],
    ['2031-05-01 00:00:00', 'preheat'],
    ['2031-05-10 09:59:59', 'preheat'],
    ['2031-05-10 10:00:00', 'live'],
    ['2031-05-20 23:59:59', 'live'],
    ['2031-05-21 00:00:00', 'recap'],
    ['2031-05-31 23:59:59', 'recap'],
    ['2031-06-01 00:00:00', 'over'],
  ])('%s → %s', (wall, phase) => {
    expect(campaignPhase(C, sh(wall))).toBe(phase);
  });

  it('moves only forward as time passes', () => {
    const order = ['upcoming', 'preheat', 'live', 'recap', 'over'];
    const from = startOfDay('2031-04-25');
    fc.assert(
      fc.property(fc.nat(45 * 86_400_000), fc.nat(45 * 86_400_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(order.indexOf(campaignPhase(C, from + lo))).toBeLessThanOrEqual(order.indexOf(campaignPhase(C, from + hi)));
      }),
    );
  });
});

describe('which campaign members see', () => {
  const live = campaign('live');
  const soon = campaign('soon', { preheatAt: '2031-05-05', startAt: '2031-06-01', endAt: '2031-06-10', recapUntil: '2031-06-20' });
  const over = campaign('over', { preheatAt: '2031-04-01', startAt: '2031-04-05', endAt: '2031-04-15', recapUntil: '2031-05-30' });
  const hidden = campaign('hidden', { active: false });
  const at = sh('2031-05-12 12:00:00');

  it('lists live, then pre-heat, then recap; inactive ones never', () => {
    expect(visibleCampaigns([over, soon, hidden, live], at).map((v) => [v.campaign._id, v.phase])).toEqual([
      ['live', 'live'],
      ['soon', 'preheat'],
      ['over', 'recap'],
    ]);
    expect(campaignThatMatters([over, soon], at)?.campaign._id).toBe('soon');
    // A member who took part sees their recap before the next pre-heat.
    expect(campaignThatMatters([over, soon], at, ['over'])?.campaign._id).toBe('over');
    expect(campaignThatMatters([hidden], at)).toBeNull();
  });

  it('joins the live campaigns not joined yet', () => {
    expect(campaignsToJoin([], [live, soon, over], at)).toEqual(['live']);
    expect(campaignsToJoin(['live'], [live, soon, over], at)).toEqual([]);
  });

  it('counts down the pre-heat and the live days left, today included', () => {
    expect(daysUntil(soon.startAt, at)).toBe(20);
    expect(daysLeft(live.endAt, at)).toBe(9);
    expect(daysLeft(live.endAt, sh('2031-05-20 23:00:00'))).toBe(1);
  });
});

describe('campaignBoost: one rule for every boosted action', () => {
  const at = sh('2031-05-12 12:00:00');

  it('applies while live only', () => {
    expect(campaignBoost([C], 'checkin', sh('2031-05-09 12:00:00'))).toBeNull();
    expect(campaignBoost([C], 'checkin', at)).toEqual({
      campaignId: 'thanks',
      title: 'thanks',
      pointsMultiplier: 2,
      growthMultiplier: 1.5,
    });
    expect(campaignBoost([C], 'checkin', sh('2031-05-21 00:00:00'))).toBeNull();
  });

  it('takes the highest of overlapping boosts, never their product; ignores campaigns without one', () => {
    const small = campaign('small', { boosts: { checkin: { pointsMultiplier: 1.5, growthMultiplier: 3 } } });
    const none = campaign('none', { boosts: {} });
    expect(campaignBoost([small, C, none], 'checkin', at)?.campaignId).toBe('thanks');
    expect(campaignBoost([none], 'checkin', at)).toBeNull();
    const tie = campaign('tie', { startAt: '2031-05-10T09:00' });
    expect(campaignBoost([C, tie], 'checkin', at)?.campaignId).toBe('tie');
  });

  it('rounds the boosted amount half up, to whole points', () => {
    const b = { campaignId: 'x', title: 'x', pointsMultiplier: 1.5, growthMultiplier: 1.5 };
    expect(boostAmount({ points: 15, growth: 11 }, b)).toEqual({ points: 23, growth: 17 });
    expect(boostAmount({ points: 0, growth: 0 }, b)).toEqual({ points: 0, growth: 0 });
  });
});
