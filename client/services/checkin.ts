/** The `checkin` cloud function. The day is always the server's Shanghai day, never the phone's. */
import { callFunction } from './cloud/callFunction';

export const checkinService = {
  checkin: () => callFunction('checkin', 'checkin', {}),
  calendar: (month: string) => callFunction('checkin', 'calendar', { month }),
};
