import type { CharityProjectDoc } from '../content/charityProjects';
import { toMs, type Instant } from '../time/shanghai';

/**
 * 公益同行: members give points to a charity project through the ledger (`donation`), the brand
 * turns them into the help the project's story describes. A project takes donations while it is
 * open (its dates, active); reaching the goal does not close it.
 */
export type ProjectStatus = 'upcoming' | 'open' | 'closed';

export function projectStatus(p: Pick<CharityProjectDoc, 'active' | 'startAt' | 'endAt'>, now: Instant): ProjectStatus {
  const t = toMs(now);
  if (!p.active || (p.endAt !== null && t >= toMs(p.endAt))) return 'closed';
  if (p.startAt !== null && t < toMs(p.startAt)) return 'upcoming';
  return 'open';
}

/** 0…1 of the goal reached (1 once reached or passed). */
export function projectProgress(goalPoints: number, donated: number): number {
  return goalPoints > 0 ? Math.min(1, Math.max(0, donated / goalPoints)) : 0;
}

/** The projects a member sees: active ones, open first, then by `order`. */
export function listedProjects(projects: readonly CharityProjectDoc[], now: Instant): CharityProjectDoc[] {
  const rank: Record<ProjectStatus, number> = { open: 0, upcoming: 1, closed: 2 };
  return projects
    .filter((p) => p.active)
    .sort((a, b) => rank[projectStatus(a, now)] - rank[projectStatus(b, now)] || a.order - b.order || a._id.localeCompare(b._id));
}
