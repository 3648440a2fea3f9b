import { atMinute } from '../time/shanghai';
import {
  campaignReminderOpen,
  campaignReminderRun,
  campaignStartValues,
  checkinReminderDue,
  checkinReminderOffered,
  nextSlotRun,
  REMINDER_SLOTS,
  sendId,
  voucherReminderOffered,
} from './reminders';
import { templateData } from './templateFields';

describe('when reminders are due (Shanghai time)', () => {
  it('finds the next 20:00 run today or tomorrow', () => {
    const slot = REMINDER_SLOTS.checkinReminder!;
    expect(nextSlotRun(slot, atMinute('2026-11-30', 19 * 60))).toBe(atMinute('2026-11-30', 20 * 60));
    expect(nextSlotRun(slot, atMinute('2026-11-30', 20 * 60 + 1))).toBe(atMinute('2026-12-01', 20 * 60));
  });

  it('reminds a streak of 2+ that checked in yesterday, not today', () => {
    expect(checkinReminderDue({ current: 2, best: 2, lastDate: '2026-11-29' }, '2026-11-30')).toBe(true);
    expect(checkinReminderDue({ current: 1, best: 4, lastDate: '2026-11-29' }, '2026-11-30')).toBe(false);
    expect(checkinReminderDue({ current: 5, best: 5, lastDate: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(checkinReminderDue({ current: 5, best: 5, lastDate: '2026-11-27' }, '2026-11-30')).toBe(false);
    expect(checkinReminderOffered(1)).toBe(false);
    expect(checkinReminderOffered(2)).toBe(true);
  });

  it('offers the voucher reminder only when a morning run still finds it within 3 days', () => {
    const now = atMinute('2026-11-30', 15 * 60);
    // Expires 1 Dec 09:00: the next 10:00 run (1 Dec) is after it.
    expect(voucherReminderOffered(new Date(atMinute('2026-12-01', 9 * 60)).toISOString(), now)).toBe(false);
    expect(voucherReminderOffered(new Date(atMinute('2026-12-01', 12 * 60)).toISOString(), now)).toBe(true);
    expect(voucherReminderOffered(new Date(atMinute('2026-12-30', 12 * 60)).toISOString(), now)).toBe(true);
  });

  it('tells of a campaign at 10:00 the day before its start day, and takes asks until then', () => {
    const startAt = new Date(atMinute('2026-11-23', 0)).toISOString();
    expect(campaignReminderRun(startAt)).toBe(atMinute('2026-11-22', 10 * 60));
    expect(campaignReminderOpen(startAt, atMinute('2026-11-22', 10 * 60) - 1)).toBe(true);
    expect(campaignReminderOpen(startAt, atMinute('2026-11-22', 10 * 60))).toBe(false);
  });

  it('names one message per member, purpose and reason', () => {
    expect(sendId('checkinReminder', '2026-11-30', 'oABC')).toBe('checkinReminder_2026-11-30_oABC');
  });
});

describe('message values fit their keywords', () => {
  it('clips a long campaign description into a thing of 20', () => {
    const values = campaignStartValues({
      title: '会员感恩季',
      description: '感谢一路同行：活动期间每日签到积分翻倍、成长值 1.5 倍，活动期间签到即获得徽章',
      startAt: new Date(atMinute('2026-11-23', 0)).toISOString(),
    });
    const data = templateData({ thing1: 'campaign', time2: 'startAt', thing3: 'tip', phrase4: 'status' }, values);
    expect(data.thing1.value).toBe('会员感恩季');
    expect(data.time2.value).toBe('2026年11月23日 00:00');
    expect([...data.thing3.value].length).toBeLessThanOrEqual(20);
    expect(data.phrase4.value).toBe('即将开始');
  });
});
