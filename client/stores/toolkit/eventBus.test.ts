import { createEventBus } from './eventBus';

interface Events {
  checkedIn: { points: number };
  profileChanged: { nickname: string };
}

it('delivers an event to every subscriber of its type, in order, and to no other', () => {
  const bus = createEventBus<Events>();
  const heard: string[] = [];
  bus.subscribe('checkedIn', (e) => heard.push(`card ${e.points}`));
  bus.subscribe('checkedIn', (e) => heard.push(`ceremony ${e.points}`));
  bus.subscribe('profileChanged', (e) => heard.push(`profile ${e.nickname}`));
  bus.publish('checkedIn', { points: 10 });
  expect(heard).toEqual(['card 10', 'ceremony 10']);
});

it('stops delivering to an unsubscribed handler', () => {
  const bus = createEventBus<Events>();
  const heard: number[] = [];
  const off = bus.subscribe('checkedIn', (e) => heard.push(e.points));
  bus.publish('checkedIn', { points: 1 });
  off();
  bus.publish('checkedIn', { points: 2 });
  expect(heard).toEqual([1]);
});

it('an event without subscribers is fine', () => {
  expect(() => createEventBus<Events>().publish('profileChanged', { nickname: '小林' })).not.toThrow();
});

it('a failing reaction does not keep the others stale, and the publisher hears of it', () => {
  const bus = createEventBus<Events>();
  const heard: string[] = [];
  bus.subscribe('checkedIn', () => {
    throw new Error('broken reaction');
  });
  bus.subscribe('checkedIn', () => heard.push('card'));
  expect(() => bus.publish('checkedIn', { points: 10 })).toThrow('broken reaction');
  expect(heard).toEqual(['card']);
});

it('a handler subscribed while an event is delivered hears the next one, not this one', () => {
  const bus = createEventBus<Events>();
  const heard: number[] = [];
  bus.subscribe('checkedIn', () => {
    bus.subscribe('checkedIn', (e) => heard.push(e.points));
  });
  bus.publish('checkedIn', { points: 1 });
  expect(heard).toEqual([]);
});
