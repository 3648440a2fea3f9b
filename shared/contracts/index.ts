/** The client ↔ cloud function API: input schemas (zod) and answer types. Client-safe. */
export * from './common';
export * from './member';
export * from './checkin';
export * from './redeem';
export * from './invite';
export * from './ops';
export * from './team';
export * from './event';
export * from './partner';
export * from './api';
export * from './actionErrors';
