// Which dashboard view a location hash names, and the hash that names a view: the dashboard's
// addresses, so a view can be bookmarked and the back button works.

export type Route =
  | { name: 'home' | 'going-cold' | 'people' | 'triage' | 'import' | 'backup' | 'settings' }
  | { name: 'person'; slug: string };

const KNOWN = ['going-cold', 'people', 'triage', 'import', 'backup', 'settings'] as const;

/** The view a hash such as `#/person/ada-lovelace` names; anything unknown is the home view. */
export function parseRoute(hash: string): Route {
  const [, name = '', slug] = hash.replace(/^#/, '').split('/');
  if (name === 'person' && slug) return { name: 'person', slug: decodeURIComponent(slug) };
  return { name: (KNOWN as readonly string[]).includes(name) ? (name as (typeof KNOWN)[number]) : 'home' };
}

/** The hash of a view (`person/<slug>` for a person's page). */
export const routeHash = (path: string): string => `#/${path}`;

export const personPath = (slug: string): string => `person/${encodeURIComponent(slug)}`;
