/** The words around offline events: when, what it gives, where it stands. */
import type { EventView } from '@shared/contracts/event';
import type { StatusTone } from '@/components/StatusTag';
import { formatDateTime, formatDay, formatTime, shanghaiClock } from '@/utils/format';
import { rewardText } from './checkin';

/** `12月12日 14:00–16:00`, or both days when it spans more than one. */
export function eventTimeText(startAt: string, endAt: string): string {
  const start = shanghaiClock(startAt);
  // An end at midnight belongs to the day before (an all-day event ends at 24:00).
  const end = shanghaiClock(Date.parse(endAt) - 1);
  if (!start || !end) return '';
  if (start.date === end.date)
    return `${formatDay(startAt)} ${formatTime(startAt)}–${formatTime(endAt) === '00:00' ? '24:00' : formatTime(endAt)}`;
  return `${formatDateTime(startAt)} – ${formatDateTime(endAt)}`;
}

/** `到场签到 +40 积分 · +30 成长值` ('' when it gives nothing). */
export function eventRewardText(event: Pick<EventView, 'points' | 'growth'>): string {
  const reward = rewardText(event);
  return reward ? `到场签到 ${reward}` : '';
}

export const EVENT_PHASE: Record<EventView['phase'], { text: string; tone: StatusTone }> = {
  upcoming: { text: '即将开始', tone: 'primary' },
  running: { text: '进行中', tone: 'success' },
  ended: { text: '已结束', tone: 'neutral' },
};
