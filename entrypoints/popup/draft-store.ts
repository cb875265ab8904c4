// The quick note the user was typing, kept in storage.local per person: it survives the popup
// closing, is gone once saved, and is forgotten when nobody came back to it for a while.
import { browser } from 'wxt/browser';
import type { Person } from '../../storage/schemas';
import { type Draft, emptyDraft, isStaleDraft } from '../../utils/draft';

const draftKey = (slug: string) => `draft:${slug}`;

type StoredDraft = Partial<Draft> & { savedAt?: number };

/** What was typed for the person before the popup last closed, unless it has been forgotten. */
export async function readDraft(slug: string): Promise<Partial<Draft> | undefined> {
  const stored = (await browser.storage.local.get(draftKey(slug)))[draftKey(slug)] as StoredDraft | undefined;
  if (!stored || isStaleDraft(stored.savedAt, Date.now())) return undefined;
  const { savedAt: _, ...draft } = stored;
  return draft;
}

/** Keeps what is typed, dated now. */
export function keepDraft(slug: string, draft: Draft): void {
  browser.storage.local
    .set({ [draftKey(slug)]: { ...draft, savedAt: Date.now() } })
    .catch((e) => console.error('[vinculo] draft', e));
}

export function forgetDraft(slug: string): Promise<void> {
  return browser.storage.local.remove(draftKey(slug));
}

/** Forgets the drafts isStaleDraft calls stale; a draft from before drafts were dated starts its clock now. */
export async function pruneDrafts(now = Date.now()): Promise<void> {
  const all = (await browser.storage.local.get(null)) as Record<string, StoredDraft>;
  const stale: string[] = [];
  const dated: Record<string, StoredDraft> = {};
  for (const [key, draft] of Object.entries(all)) {
    if (!key.startsWith('draft:')) continue;
    if (draft.savedAt === undefined) dated[key] = { ...draft, savedAt: now };
    else if (isStaleDraft(draft.savedAt, now)) stale.push(key);
  }
  if (stale.length > 0) await browser.storage.local.remove(stale);
  if (Object.keys(dated).length > 0) await browser.storage.local.set(dated);
}

/** The person's saved draft over an empty one (`kept` may already be on its way). */
export async function loadDraft(person: Person, kept = readDraft(person.slug)): Promise<Draft> {
  return { ...emptyDraft(person, Date.now()), ...(await kept) };
}
