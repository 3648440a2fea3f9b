/**
 * Schema of the `staff` collection. The rule lives once, in `shared/content/staff.ts` (the cloud
 * functions and the validator use the same one); this file is where ops tooling finds it.
 */
export { staffSchema as schema, STAFF_FIELDS as fields, type StaffDoc as Doc } from '../../shared/content/staff';
