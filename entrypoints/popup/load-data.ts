// The popup's repositories (Dexie, Zod), loaded once, after the quick note is on screen.
import type { PopupData } from './popup-data';

export type { PersonData } from './popup-data';

let loading: Promise<PopupData> | undefined;

export function loadPopupData(): Promise<PopupData> {
  loading ??= import('./popup-data').then((module) => module.popupData);
  return loading;
}
