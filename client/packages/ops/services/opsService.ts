/** The `ops` cloud function as the dashboard uses it (staff with role ops only; others get FORBIDDEN). */
import { callFunction } from '@/services/cloud/callFunction';

export const opsService = {
  stats: (from: string, to: string) => callFunction('ops', 'stats', { from, to }),
  validate: () => callFunction('ops', 'validate', {}),
};
