import { parseContent } from './parseContent';
import { editDistance } from './unknownKeys';
import { badge, pack, tier } from './__fixtures__/raw';

describe('parseContent', () => {
  it('keeps the valid documents and skips the broken one, so a page still renders', () => {
    const r = parseContent('badges', [badge('a'), { ...badge('b'), rule: { metric: 'likes', gte: 3 } }, badge('c')]);
    expect(r.valid.map((b) => b._id)).toEqual(['a', 'c']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ collection: 'badges', id: 'b', field: 'rule.metric', severity: 'error' });
  });

  it('reports a document that is not an object, and one without _id by position', () => {
    const r = parseContent('tiers', ['basic', { name: '基础层' }]);
    expect(r.valid).toEqual([]);
    expect(r.problems[0]).toMatchObject({ id: '#1', field: '', message_en: 'is not a document object {...}' });
    expect(r.problems.some((p) => p.id === '#2' && p.field === '_id')).toBe(true);
  });

  it('uses the first of duplicate ids and reports the others', () => {
    const r = parseContent('benefit_packs', [pack('p1'), pack('p1', { cost: 1 })]);
    expect(r.valid).toHaveLength(1);
    expect(r.valid[0].cost).toBe(80);
    expect(r.problems).toEqual([expect.objectContaining({ collection: 'benefit_packs', id: 'p1', field: '_id', severity: 'error' })]);
  });

  it('knows the holds the functions keep on a pack: no warning, and they never reach the program', () => {
    const holds = { 'oMember_xxxxxxxxxxxxxxxxxxxxxxx_req-0001': { t: 'token0001', at: 1_900_000_000_000, o: 'oMember' } };
    const r = parseContent('benefit_packs', [
      { ...pack('p4'), holds },
      { ...pack('p5'), holds: 'anything' },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.valid.map((p) => p.holds)).toEqual([undefined, undefined]);
  });

  it('warns about unknown fields with the likely intended one, and ignores console fields', () => {
    const doc = { ...tier('advanced', 300), _openid: 'oConsole', colour: '#000000' };
    const nested = { ...pack('p2'), schedule: { weekday: [1], hours: [{ from: '11:00', to: '12:00' }] } };
    const r = parseContent('tiers', [doc]);
    expect(r.valid).toHaveLength(1);
    expect(r.problems).toEqual([
      expect.objectContaining({
        id: 'advanced',
        field: 'colour',
        severity: 'warning',
        message_zh: '未知字段 colour 会被忽略，是否想写「color」？',
      }),
    ]);
    const r2 = parseContent('benefit_packs', [nested]);
    expect(r2.problems).toEqual([
      expect.objectContaining({ field: 'schedule.weekday', message_en: expect.stringContaining('did you mean "weekdays"') }),
    ]);
  });

  it('explains a typo that hides a required field with both problems', () => {
    const { threshold, ...rest } = tier('core', 1500);
    const r = parseContent('tiers', [{ ...rest, treshold: threshold }]);
    expect(r.problems.map((p) => [p.field, p.severity])).toEqual([
      ['treshold', 'warning'],
      ['threshold', 'error'],
    ]);
  });

  it('measures edit distance', () => {
    expect(editDistance('treshold', 'threshold')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
