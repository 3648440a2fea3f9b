import demoSettings from '../../content/demo/settings.json';
import { parseContent } from './parseContent';
import { REMINDER_PURPOSES } from './ids';

const demo = demoSettings[0] as Record<string, unknown>;
const subscribe = demo.subscribe as Record<string, { templateId: string; title: string; fields: Record<string, string> }>;

function parseSubscribe(value: unknown) {
  return parseContent('settings', [{ ...demo, subscribe: value }]);
}

describe('settings.subscribe', () => {
  it('accepts the demo templates, one per purpose', () => {
    const r = parseSubscribe(subscribe);
    expect(r.problems).toEqual([]);
    expect(Object.keys(r.valid[0].subscribe).sort()).toEqual([...REMINDER_PURPOSES].sort());
  });

  it('refuses a points expiry reminder while points never expire: it would never come', () => {
    const r = parseContent('settings', [{ ...demo, points: { expiry: null }, subscribe }]);
    expect(r.valid).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ field: 'subscribe.pointsExpiry', severity: 'error' })]);
    expect(r.problems[0].message_zh).toContain('积分没有设置有效期');
    const { pointsExpiry: _dropped, ...others } = subscribe;
    void _dropped;
    expect(parseContent('settings', [{ ...demo, points: { expiry: null }, subscribe: others }]).problems).toEqual([]);
  });

  it('is optional: no templates, no reminders offered', () => {
    const { subscribe: _dropped, ...without } = demo;
    void _dropped;
    const r = parseContent('settings', [without]);
    expect(r.problems).toEqual([]);
    expect(r.valid[0].subscribe).toEqual({});
  });

  it.each([
    ['a template id that is not one', { templateId: 'abc' }, 'subscribe.voucherExpiry.templateId', '模板 ID'],
    ['a keyword WeChat has no type for', { fields: { amount1: 'pack' } }, 'subscribe.voucherExpiry.fields.amount1', '关键词'],
    [
      'a value the purpose does not supply',
      { fields: { thing1: 'friend' } },
      'subscribe.voucherExpiry.fields.thing1',
      '不是这个用途可填的值',
    ],
    ['text in a number keyword', { fields: { number1: 'pack' } }, 'subscribe.voucherExpiry.fields.number1', '不能填入该类型'],
    ['no keywords', { fields: {} }, 'subscribe.voucherExpiry.fields', '1–5 个关键词'],
  ])('reports %s by id and field, in Chinese', (_what, change, field, zh) => {
    const r = parseSubscribe({ ...subscribe, voucherExpiry: { ...subscribe.voucherExpiry, ...change } });
    expect(r.valid).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ collection: 'settings', id: 'main', field, severity: 'error' })]);
    expect(r.problems[0].message_zh).toContain(zh);
  });

  it('refuses one template for two purposes: one consent is one message', () => {
    const r = parseSubscribe({
      ...subscribe,
      campaignStart: { ...subscribe.campaignStart, templateId: subscribe.voucherExpiry.templateId },
    });
    expect(r.problems).toEqual([expect.objectContaining({ field: 'subscribe.campaignStart.templateId' })]);
    expect(r.problems[0].message_zh).toContain('同一个模板只能用于一个用途');
  });
});
