import { campaignForStats, campaignWindows, liftOf } from './campaignStats';
import { campaign } from './__fixtures__/program';

const sh = (wall: string) => `${wall.replace(' ', 'T')}+08:00`;

describe('a campaign’s effect for ops', () => {
  it('counts the live days so far against as many days just before', () => {
    expect(campaignWindows(campaign('c'), sh('2031-05-12 08:00:00'))).toEqual({
      phase: 'live',
      days: 3,
      during: { from: '2031-05-10', to: '2031-05-12' },
      before: { from: '2031-05-07', to: '2031-05-09' },
    });
    expect(campaignWindows(campaign('c'), sh('2031-05-25 08:00:00'))).toMatchObject({
      phase: 'recap',
      days: 11,
      during: { from: '2031-05-10', to: '2031-05-20' },
      before: { from: '2031-04-29', to: '2031-05-09' },
    });
    expect(campaignWindows(campaign('c'), sh('2031-05-02 08:00:00'))).toMatchObject({ phase: 'preheat', days: 0 });
  });

  it('picks the live campaign, else the one that ended last; never one not started', () => {
    const ended = campaign('ended', { preheatAt: '2031-04-01', startAt: '2031-04-02', endAt: '2031-04-05', recapUntil: '2031-04-10' });
    const later = campaign('later', { preheatAt: '2031-06-01', startAt: '2031-06-05', endAt: '2031-06-10', recapUntil: '2031-06-20' });
    expect(campaignForStats([ended, campaign('live'), later], sh('2031-05-12 00:00:00'))?._id).toBe('live');
    expect(campaignForStats([ended, later], sh('2031-05-12 00:00:00'))?._id).toBe('ended');
    expect(campaignForStats([later], sh('2031-05-12 00:00:00'))).toBeNull();
  });

  it('lifts each figure against before, null when there was nothing before', () => {
    expect(liftOf({ a: 30, b: 5, c: 0 }, { a: 20, b: 0, c: 4 })).toEqual({ a: 0.5, b: null, c: -1 });
  });
});
