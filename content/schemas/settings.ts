/**
 * Schema of the `settings` collection. The rule lives once, in `shared/content/settings.ts` (the cloud
 * functions and the validator use the same one); this file is where ops tooling finds it.
 */
export { settingsSchema as schema, SETTINGS_FIELDS as fields, type SettingsDoc as Doc } from '../../shared/content/settings';
