// Search over tracked people: accent- and case-insensitive, every word must match somewhere.
import type { Person } from '../storage/schemas';

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchText(
  person: Pick<Person, 'name' | 'headline' | 'company' | 'tags'> & { about?: string },
): string {
  return fold(
    [person.name, person.headline, person.company, ...person.tags, person.about].filter(Boolean).join(' \n '),
  );
}

export function matcher(query: string): (haystack: string) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return (haystack) => words.every((w) => haystack.includes(w));
}
