import type { ReactElement } from 'react';

/**
 * H5 only: WeChat's subscription sheet, simulated (`platform/subscribeSheet`) — the templates a tap
 * asked for, each ticked, 取消 and 允许. Renders nothing in WeChat, which shows its own.
 */
export declare function SubscribeSheet(): ReactElement | null;
