/**
 * A typed publish/subscribe channel between stores: the one that learns something publishes it
 * once, every one that shows what it changes reacts. Delivery is synchronous, in subscription
 * order, so the screen is consistent as soon as `publish` returns.
 */
export interface EventBus<Events> {
  publish<K extends keyof Events>(type: K, event: Events[K]): void;
  /** Returns the unsubscribe. */
  subscribe<K extends keyof Events>(type: K, handler: (event: Events[K]) => void): () => void;
}

export function createEventBus<Events>(): EventBus<Events> {
  const handlers: { [K in keyof Events]?: Array<(event: Events[K]) => void> } = {};
  return {
    publish(type, event) {
      let failure: { error: unknown } | null = null;
      // A failing reaction must not keep the other stores stale: every one runs, then the first failure surfaces.
      for (const handler of handlers[type] ?? []) {
        try {
          handler(event);
        } catch (error) {
          failure ??= { error };
        }
      }
      if (failure) throw failure.error;
    },
    subscribe(type, handler) {
      // A new array: a delivery under way keeps the list it started with.
      handlers[type] = [...(handlers[type] ?? []), handler];
      return () => {
        handlers[type] = (handlers[type] ?? []).filter((h) => h !== handler);
      };
    },
  };
}
