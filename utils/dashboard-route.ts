// Which dashboard view a location hash names, and the hash that names a view: the dashboard's
// addresses, so a view can be bookmarked and the back button works.

export type Route =
  | { name: 'home' | 'going-cold' | 'people' | 'triage' | 'import' | 'backup' | 'settings' }
  /** `log`: opened to log a touch, so the note has focus (`#/person/<slug>/log`). */
  | { name: 'person'; slug: string; log?: true };

const KNOWN = ['going-cold', 'people', 'triage', 'import', 'backup', 'settings'] as const;

/** The view a hash such as `#/person/ada-lovelace` names; anything unknown is the home view. */
export function parseRoute(hash: string): Route {
  const [, name = '', slug, then] = hash.replace(/^#/, '').split('/');
  if (name === 'person' && slug) {
    const route: Route = { name: 'person', slug: decodeURIComponent(slug) };
    return then === 'log' ? { ...route, log: true } : route;
  }
  return { name: (KNOWN as readonly string[]).includes(name) ? (name as (typeof KNOWN)[number]) : 'home' };
}

/** The hash of a view (`person/<slug>` for a person's page). */
export const routeHash = (path: string): string => `#/${path}`;

export const personPath = (slug: string, log = false): string =>
  `person/${encodeURIComponent(slug)}${log ? '/log' : ''}`;
