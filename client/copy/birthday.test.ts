import { birthdayFromPicker, birthdayText } from './birthday';

it('turns the picker’s columns into a real MM-DD, clipping the day to the month', () => {
  expect(birthdayFromPicker([2, 7])).toBe('03-08');
  expect(birthdayFromPicker([1, 30])).toBe('02-29');
  expect(birthdayFromPicker([3, 30])).toBe('04-30');
  expect(birthdayText('03-08')).toBe('3月8日');
});
