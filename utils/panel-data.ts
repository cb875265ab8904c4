// What the badge's panel shows of a tracked person: the background answers `personPanel` with it.
import type { Touch } from '../storage/schemas';
import type { PersonView } from './person-view';

export interface PanelData {
  person: PersonView;
  touches: Pick<Touch, 'id' | 'at' | 'kind' | 'note'>[];
  nextStep?: { text: string; dueAt?: number };
  /** A role change seen in the last 30 days. */
  roleChange?: { at: number; headline?: string; company?: string };
  /** The person's current coach suggestion, already in words (the background words it). */
  suggestion?: { title: string; text: string };
}
