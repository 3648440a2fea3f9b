/**
 * How the client reaches cloud functions. Taro picks `transport.weapp.ts` or `transport.h5.ts`
 * per build, so neither bundle carries the other's code; this declaration is the one interface
 * both implement (tsc reads it, bundlers never see it).
 */
export interface CloudTransport {
  /** Prepares the platform (weapp: `Taro.cloud.init`). Safe to call more than once. */
  init(): void;
  /** Runs function `name` with `event` as the current member; resolves with the function's raw answer. */
  call(name: string, event: Record<string, unknown>): Promise<unknown>;
}

export declare const transport: CloudTransport;
