/** The console's pages live in the URL hash (`#/database/benefit_packs`), so reloads and links keep the place. */
import { useEffect, useState } from 'react';

export const VIEWS = ['database', 'functions', 'indexes', 'storage', 'outbox', 'clock'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  /** The open collection (database view). */
  collection: string | null;
}

export function parseHash(hash: string): Route {
  const [view, collection] = hash.replace(/^#\/?/, '').split('/');
  const known = (VIEWS as readonly string[]).includes(view) ? (view as View) : 'database';
  return { view: known, collection: known === 'database' && collection ? decodeURIComponent(collection) : null };
}

export function hrefOf(route: Partial<Route> & { view: View }): string {
  return route.collection ? `#/${route.view}/${encodeURIComponent(route.collection)}` : `#/${route.view}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
