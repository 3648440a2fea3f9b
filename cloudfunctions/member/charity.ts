import type { CharityData } from '@shared/contracts/member';
import { listedProjects, projectProgress, projectStatus } from '@shared/domain/charity';
import { unlockedFeatures } from '@shared/domain/growthTree';
import { contractAction } from '../_common/entry';
import type { RequestContext } from '../_common/services';
import { donatedByProject } from './donations';

/**
 * `member.charity` — the charity projects (公益同行) with the points each received, its share of
 * the goal, and this member's own gifts; the 公益同行 certificate when a tree node unlocked it.
 * Round trips: the member (1) · the projects' totals and the member's own, in parallel (2) = 3.
 */
export const charity = contractAction('member', 'charity', async (_input, ctx: RequestContext): Promise<CharityData> => {
  const { program, member, now, services } = ctx;
  const projects = listedProjects(program.charity_projects, now);
  const [totals, mine] = await Promise.all([
    donatedByProject(services.db, { projectIds: projects.map((p) => p._id) }),
    member.pointsDonated > 0 ? donatedByProject(services.db, { openid: ctx.openid }) : Promise.resolve(new Map<string, number>()),
  ]);
  const certified = unlockedFeatures(
    program.tree_nodes,
    member.nodes.map((n) => n.id),
  ).includes('charityCertificate');
  return {
    projects: projects.map((p) => {
      const donated = totals.get(p._id) ?? 0;
      return {
        id: p._id,
        title: p.title,
        story: p.story,
        goalPoints: p.goalPoints,
        donated,
        progress: projectProgress(p.goalPoints, donated),
        mine: mine.get(p._id) ?? 0,
        status: projectStatus(p, now),
        startAt: p.startAt,
        endAt: p.endAt,
      };
    }),
    pointsDonated: member.pointsDonated,
    points: member.points,
    certificate: certified ? { nickname: member.nickname, pointsDonated: member.pointsDonated } : null,
  };
});
