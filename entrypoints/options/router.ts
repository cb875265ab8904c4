// The dashboard's navigation: the view the address names, kept in step with the back button, and
// the links that open another view.
import { useEffect, useState } from 'preact/hooks';
import { parseRoute, personPath, type Route, routeHash } from '../../utils/dashboard-route';

export const go = (path: string) => {
  location.hash = routeHash(path);
};
export const openPerson = (slug: string) => go(personPath(slug));
/** A person's page with the cursor in the note, to log a touch. */
export const logFor = (slug: string) => go(personPath(slug, true));

/** The route the address names now, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
