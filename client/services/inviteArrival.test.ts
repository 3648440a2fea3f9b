jest.mock('@tarojs/taro', () => require('@/testing/taro'));

import { resetTaro } from '@/testing/taro';
import { firstAttempt, inviteCodeFromParams, teamCodeFromParams } from './inviteArrival';

beforeEach(resetTaro);

it('reads the code of a shared path', () => {
  expect(inviteCodeFromParams({ inviteCode: 'k7qm2xrt' })).toBe('K7QM2XRT');
  expect(inviteCodeFromParams({ inviteCode: 'nope' })).toBeNull();
  expect(inviteCodeFromParams({})).toBeNull();
});

it('reads the code of a scanned mini-program code (scene)', () => {
  expect(inviteCodeFromParams({ scene: encodeURIComponent('inviteCode=K7QM2XRT') })).toBe('K7QM2XRT');
  expect(inviteCodeFromParams({ scene: 'K7QM2XRT' })).toBe('K7QM2XRT');
  // What invite.card puts in the mini-program code.
  expect(inviteCodeFromParams({ scene: encodeURIComponent('i=K7QM2XRT') })).toBe('K7QM2XRT');
  expect(inviteCodeFromParams({ scene: encodeURIComponent('c=K7QM2XRT&x=1') })).toBe('K7QM2XRT');
  expect(inviteCodeFromParams({ scene: '%E0%A4%A' })).toBeNull();
});

it('reads the team and the sharer’s invite code of a team share path or poster', () => {
  expect(teamCodeFromParams({ team: 'k7qm2x', inviteCode: 'K7QM2XRT' })).toBe('K7QM2X');
  const scene = { scene: encodeURIComponent('t=K7QM2X&i=K7QM2XRT') };
  expect(teamCodeFromParams(scene)).toBe('K7QM2X');
  expect(inviteCodeFromParams(scene)).toBe('K7QM2XRT');
  expect(teamCodeFromParams({ team: 'K7QM2XRT' })).toBeNull();
  expect(teamCodeFromParams({})).toBeNull();
});

it('remembers an attempt per code and member', () => {
  expect(firstAttempt('K7QM2XRT', 'a')).toBe(true);
  expect(firstAttempt('K7QM2XRT', 'a')).toBe(false);
  expect(firstAttempt('K7QM2XRT', 'b')).toBe(true);
});
