// Who the background answers: its own extension only, and only from a LinkedIn tab or one of its own
// pages (popup, dashboard). Pure URL logic, so that it is tested without a browser.

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

export function isTrustedSender(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const url = sender.url ?? sender.tab?.url;
  if (url?.startsWith(extensionOrigin)) return true;
  return sender.tab !== undefined && isLinkedInUrl(url);
}
