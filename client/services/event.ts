/** The `event` cloud function (offline events), one typed call per action. */
import { callFunction } from './cloud/callFunction';

export const eventService = {
  mine: () => callFunction('event', 'mine', {}),
  hosting: () => callFunction('event', 'hosting', {}),
  attend: (eventId: string, memberCode: string) => callFunction('event', 'attend', { eventId, memberCode }),
};
