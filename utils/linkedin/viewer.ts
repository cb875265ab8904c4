// Who is browsing: LinkedIn shows the viewer's own links beside everyone else's, and a dot on the
// viewer's own name would be noise. Read from where the page links the viewer's profile by structure,
// never from embedded JSON or UI text.
import { parseProfileUrl } from '../slug';
import { VIEWER_LINK } from './selectors';

const BASE = 'https://www.linkedin.com/';

/** The viewer's own slug, from the global nav's "Me" menu or the feed's identity card; null if unseen. */
export function findViewerSlug(doc: ParentNode): string | null {
  for (const selector of VIEWER_LINK) {
    for (const link of doc.querySelectorAll(selector)) {
      const ref = parseProfileUrl(link.getAttribute('href') ?? '', BASE);
      if (ref?.kind === 'slug') return ref.slug;
    }
  }
  return null;
}
