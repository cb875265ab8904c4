// Helpers of the import and backup views: a file handed to the user, a localized message said.
import type { LocalizedMessage } from '../../utils/files/import-problems';
import { type MessageKey, t } from '../../utils/translate';

export const say = (m: LocalizedMessage): string => t(m.key as MessageKey, ...m.substitutions);

/** Hands `text` to the user as a downloaded file called `name`. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
