/** The member center's rules as pure functions: time comes in as arguments, nothing does I/O. */
export * from './codes';
export * from './member';
export * from './checkinStreak';
export * from './checkinReward';
export * from './growthWindow';
export * from './tiers';
export * from './downgradeWarning';
export * from './tierCoverage';
export * from './badges';
export * from './rarity';
export * from './growthTree';
export * from './packSchedule';
export * from './period';
export * from './packEligibility';
export * from './statuses';
export * from './voucher';
export * from './inviteActivation';
export * from './ledger';
export * from './staff';
export * from './progression';
export * from './redeemCounts';
export * from './stockHolds';
export * from './displayText';
export * from './accountDeletion';
export * from './teamChallenge';
export * from './inviteLeaderboard';
export * from './campaigns';
export * from './campaignStats';
export * from './birthday';
export * from './charity';
export * from './monthDay';
export * from './templateFields';
export * from './reminderCredits';
export * from './reminders';
export {
  METRIC_DEFS,
  metricValues,
  ruleMet,
  ruleProgress,
  ruleText,
  metricsHelp,
  type MetricDef,
  type MetricSource,
  type MetricValues,
  type Rule,
  type RuleProgress,
} from './metrics';
