/** The charity page's words and choices. */
import type { CharityProjectView } from '@shared/contracts/member';

/** The amounts offered in the donate sheet. */
export const DONATION_CHOICES = [10, 50, 100, 200] as const;

export function donationChoices(points: number): Array<{ points: number; affordable: boolean }> {
  return DONATION_CHOICES.map((p) => ({ points: p, affordable: p <= points }));
}

export function projectStatusText(p: Pick<CharityProjectView, 'status' | 'progress'>): string {
  if (p.status === 'upcoming') return '即将开始';
  if (p.status === 'closed') return '已结束';
  return p.progress >= 1 ? '已达成目标' : '进行中';
}
