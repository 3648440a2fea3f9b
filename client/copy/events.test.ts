import { EVENT_PHASE, eventRewardText, eventTimeText } from './events';

describe('event wording', () => {
  it('gives the time in Shanghai, one day or two', () => {
    expect(eventTimeText('2026-12-12T06:00:00.000Z', '2026-12-12T08:00:00.000Z')).toBe('12月12日 14:00–16:00');
    expect(eventTimeText('2026-11-29T16:00:00.000Z', '2026-11-30T16:00:00.000Z')).toBe('11月30日 00:00–24:00');
    expect(eventTimeText('2026-12-12T06:00:00.000Z', '2026-12-13T08:00:00.000Z')).toBe('12月12日 14:00 – 12月13日 16:00');
  });

  it('says what checking in gives, and where the event stands', () => {
    expect(eventRewardText({ points: 40, growth: 30 })).toBe('到场签到 +40 积分 · +30 成长值');
    expect(eventRewardText({ points: 0, growth: 0 })).toBe('');
    expect(EVENT_PHASE.running.text).toBe('进行中');
  });
});
