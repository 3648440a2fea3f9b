import { requestIdSchema } from '@shared/contracts/common';
import { newRequestId } from './requestId';

it('is 128 random bits the redeem schema accepts, never twice the same', async () => {
  const ids = await Promise.all(Array.from({ length: 200 }, () => newRequestId()));
  for (const id of ids) expect(requestIdSchema.safeParse(id).success).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
});
