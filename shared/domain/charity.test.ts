import { charityProjectSchema } from '../content/charityProjects';
import { listedProjects, projectProgress, projectStatus } from './charity';

const project = (id: string, over: Record<string, unknown> = {}) =>
  charityProjectSchema.parse({ _id: id, title: id, story: '故事', goalPoints: 1000, startAt: '2031-01-01', endAt: '2031-06-30', ...over });
const sh = (wall: string) => `${wall.replace(' ', 'T')}+08:00`;

describe('charity projects', () => {
  it('are open between their dates (the end day included), Shanghai time', () => {
    const p = project('p');
    expect(projectStatus(p, sh('2030-12-31 23:59:59'))).toBe('upcoming');
    expect(projectStatus(p, sh('2031-01-01 00:00:00'))).toBe('open');
    expect(projectStatus(p, sh('2031-06-30 23:59:59'))).toBe('open');
    expect(projectStatus(p, sh('2031-07-01 00:00:00'))).toBe('closed');
    expect(projectStatus(project('off', { active: false }), sh('2031-03-01 00:00:00'))).toBe('closed');
    expect(projectStatus(project('open', { startAt: null, endAt: null }), sh('2040-03-01 00:00:00'))).toBe('open');
  });

  it('show progress toward the goal, full once passed', () => {
    expect(projectProgress(1000, 250)).toBe(0.25);
    expect(projectProgress(1000, 1500)).toBe(1);
  });

  it('list open ones first, then upcoming, then closed; inactive never', () => {
    const at = sh('2031-03-01 00:00:00');
    const list = [
      project('closed', { endAt: '2031-02-01' }),
      project('later', { startAt: '2031-05-01' }),
      project('open'),
      project('off', { active: false }),
    ];
    expect(listedProjects(list, at).map((p) => p._id)).toEqual(['open', 'later', 'closed']);
  });
});
