/**
 * CloudBase's 7-field timer cron (second minute hour day month weekday year), evaluated in UTC+8
 * whatever the host's time zone (the suite runs under several TZ values).
 */
import { parseCron } from '../src/triggers/cron';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The next `n` scheduled instants after `from`. */
function upcoming(expression: string, from: string, n: number): Array<string | null> {
  const schedule = parseCron(expression);
  const out: Array<string | null> = [];
  let cursor: number | null = at(from);
  for (let i = 0; i < n && cursor !== null; i++) {
    cursor = schedule.next(cursor);
    out.push(iso(cursor));
  }
  return out;
}

test('times are UTC+8: "0 0 2 * * * *" is 02:00 in Shanghai, 18:00 UTC the day before', () => {
  expect(upcoming('0 0 2 * * * *', '2030-01-01T00:00:00Z', 2)).toEqual(['2030-01-01T18:00:00.000Z', '2030-01-02T18:00:00.000Z']);
});

test('next is strictly after the given instant', () => {
  expect(upcoming('0 */5 * * * * *', '2030-01-01T00:05:00Z', 1)).toEqual(['2030-01-01T00:10:00.000Z']);
  expect(upcoming('0 */5 * * * * *', '2030-01-01T00:04:59.999Z', 1)).toEqual(['2030-01-01T00:05:00.000Z']);
});

test.each<[string, string, string[]]>([
  ['*/20 * * * * * *', 'every 20 seconds', ['2029-12-31T16:00:20.000Z', '2029-12-31T16:00:40.000Z', '2029-12-31T16:01:00.000Z']],
  ['5/20 * * * * * *', '"a/n" counts from a', ['2029-12-31T16:00:05.000Z', '2029-12-31T16:00:25.000Z', '2029-12-31T16:00:45.000Z']],
  ['0 0 10,14,16 * * * *', 'lists', ['2030-01-01T02:00:00.000Z', '2030-01-01T06:00:00.000Z', '2030-01-01T08:00:00.000Z']],
  ['0 30 9-10 * * * *', 'ranges', ['2030-01-01T01:30:00.000Z', '2030-01-01T02:30:00.000Z', '2030-01-02T01:30:00.000Z']],
  // 2030-01-01 is a Tuesday in Shanghai.
  [
    '0 15 10 * * MON-FRI *',
    'weekday names (MON-FRI)',
    ['2030-01-01T02:15:00.000Z', '2030-01-02T02:15:00.000Z', '2030-01-03T02:15:00.000Z'],
  ],
  ['0 0 12 * * 0 *', 'weekday 0 is Sunday', ['2030-01-06T04:00:00.000Z', '2030-01-13T04:00:00.000Z', '2030-01-20T04:00:00.000Z']],
  ['0 0 0 1 jan,Jul * *', 'month names, any case', ['2030-06-30T16:00:00.000Z', '2030-12-31T16:00:00.000Z', '2031-06-30T16:00:00.000Z']],
  ['0 0 0 31 * * *', 'day 31 skips shorter months', ['2030-01-30T16:00:00.000Z', '2030-03-30T16:00:00.000Z', '2030-05-30T16:00:00.000Z']],
  ['0 0 0 29 2 * *', 'Feb 29 waits for a leap year', ['2032-02-28T16:00:00.000Z', '2036-02-28T16:00:00.000Z', '2040-02-28T16:00:00.000Z']],
  ['0 0 0 1 * * 2031', 'years', ['2030-12-31T16:00:00.000Z', '2031-01-31T16:00:00.000Z', '2031-02-28T16:00:00.000Z']],
])('%s (%s)', (expression, _label, expected) => {
  expect(upcoming(expression, '2029-12-31T16:00:00Z', 3)).toEqual(expected);
});

test('day and weekday both restricted: either matches (the docs\' "或")', () => {
  // The 15th of each month, or any Sunday (Shanghai dates), at 00:00 Shanghai.
  expect(upcoming('0 0 0 15 * SUN *', '2030-01-01T00:00:00Z', 4)).toEqual([
    '2030-01-05T16:00:00.000Z', // Sun 6 Jan
    '2030-01-12T16:00:00.000Z', // Sun 13 Jan
    '2030-01-14T16:00:00.000Z', // Tue 15 Jan
    '2030-01-19T16:00:00.000Z', // Sun 20 Jan
  ]);
});

test('a schedule that ends (a past year) has no next', () => {
  expect(parseCron('0 0 0 1 1 * 2030').next(at('2030-06-01T00:00:00Z'))).toBeNull();
});

test('previous gives the latest scheduled instant at or before a time', () => {
  const every5 = parseCron('0 */5 * * * * *');
  expect(iso(every5.previous(at('2030-01-01T01:03:10Z')))).toBe('2030-01-01T01:00:00.000Z');
  expect(iso(every5.previous(at('2030-01-01T01:05:00Z')))).toBe('2030-01-01T01:05:00.000Z');
  expect(iso(parseCron('0 0 2 * * * *').previous(at('2030-01-01T17:59:59Z')))).toBe('2029-12-31T18:00:00.000Z');
});

test.each([
  ['0 0 2 * * *', /has 6 fields; CloudBase's has 7/],
  ['0 0 2 * * * * *', /has 8 fields/],
  ['60 * * * * * *', /second field: 60 is outside 0–59/],
  ['0 0 24 * * * *', /hour field: 24 is outside 0–23/],
  ['0 0 0 0 * * *', /day field: 0 is outside 1–31/],
  ['0 0 0 * 13 * *', /month field: 13 is outside 1–12/],
  ['0 0 0 * * 7 *', /weekday field: 7 is outside 0–6/],
  ['0 0 0 * * * 2100', /year field: 2100 is outside 1970–2099/],
  ['*/0 * * * * * *', /step "0" must be a positive integer/],
  ['0 5-1 * * * * *', /range "5-1" runs backwards/],
  ['0 0 0 ? * * *', /"\?" is not a number/],
  ['0 0 0 * FOO * *', /"FOO" is not a number or a name/],
  ['0 0 0 1,,2 * * *', /empty list item/],
])('"%s" is refused', (expression, message) => {
  expect(() => parseCron(expression)).toThrow(message);
});
