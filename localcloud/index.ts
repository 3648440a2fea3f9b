/**
 * localcloud — the WeChat cloud (CloudBase) on one machine, driven by the real wx-server-sdk.
 * See README.md in this folder.
 */
export { startLocalcloud, localcloudSdkEnv } from './src/localcloud';
export { spawnLocalcloud, type SpawnedLocalcloud } from './spawn';
export type { Localcloud, LocalcloudOptions, LocalcloudStats, ResetOptions } from './src/localcloud';
export type { OutboxMessage } from './src/openapi/subscribeMessage';
export type { OpenApiFault, OpenApiFaultSpec } from './src/openapi/faults';
export type { InvocationSummary } from './src/functions/invocations';
export type { UncoveredQuery } from './src/db/indexes';
export type { TriggerInfo, TriggerListing } from './src/triggers/scheduler';
export type { FunctionEnv } from './src/functions/env';
export { isValidOpenid } from './src/gateway';
export { wxacodeText } from './src/openapi/wxacode';
export type { ConsoleValidator, ConsoleValidatorContext } from './src/console/validator';
export type { ConsoleProblem } from './src/console/protocol';
