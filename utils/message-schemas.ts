// What the background accepts, checked before anything is read or written.
import { z } from 'zod';
import { profileFactsSchema } from '../storage/people';
import { memberIdSchema, slugSchema, touchKindSchema } from '../storage/schemas';
import type { ProtocolMap } from './messaging';

const MAX_BATCH = 1000;

export const requestSchemas = {
  lookup: z
    .object({
      slugs: z.array(slugSchema).max(MAX_BATCH),
      memberIds: z.array(memberIdSchema).max(MAX_BATCH),
    })
    .strict(),
  uiMessages: z.union([z.undefined(), z.null()]),
  languageChanged: z.union([z.undefined(), z.null()]),
  profileView: z.union([
    z.object({ slug: slugSchema }).strict(),
    z.object({ memberId: memberIdSchema }).strict(),
  ]),
  visitProfile: profileFactsSchema,
  track: profileFactsSchema,
  personPanel: z.object({ slug: slugSchema }).strict(),
  quickTouch: z.object({ slug: slugSchema, kind: touchKindSchema }).strict(),
  peopleChanged: z.object({ slugs: z.array(slugSchema).max(100_000) }).strict(),
} satisfies Partial<Record<keyof ProtocolMap, z.ZodType>>;

export type BackgroundMessage = keyof typeof requestSchemas;

/** Minimal shape of a runtime.MessageSender. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

function isLinkedInUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && (hostname === 'linkedin.com' || hostname.endsWith('.linkedin.com'));
  } catch {
    return false;
  }
}

/**
 * The background answers only its own extension, and only from a LinkedIn tab
 * or one of its own pages (popup, dashboard).
 */
export function isTrustedSender(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const url = sender.url ?? sender.tab?.url;
  if (url?.startsWith(extensionOrigin)) return true;
  return sender.tab !== undefined && isLinkedInUrl(url);
}
