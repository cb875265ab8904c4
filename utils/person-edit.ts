// The details form of a person's page, as typed, turned into the change to store: trimmed, empty
// optional fields dropped, an empty cadence meaning "the default", tags split on commas once each.
import type { Person } from '../storage/schemas';

/** The details form as typed. */
export interface PersonEdit {
  name: string;
  headline: string;
  company: string;
  stage: Person['stage'];
  cadence: string;
  tags: string;
  about: string;
}

export function editToPatch(edit: PersonEdit) {
  return {
    name: edit.name.trim(),
    headline: edit.headline.trim() || undefined,
    company: edit.company.trim() || undefined,
    stage: edit.stage,
    cadenceDays: edit.cadence.trim() === '' ? null : Number(edit.cadence),
    tags: [
      ...new Set(
        edit.tags
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ],
    about: edit.about,
  };
}
