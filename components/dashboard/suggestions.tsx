// The dashboard's Suggestions: what to do next with whom, most timely first, each with its reason in
// words and the moves a person makes from it. Props in, events out.
import type { Person } from '../../storage/schemas';
import type { Suggestion } from '../../utils/coach';
import { suggestionWords } from '../../utils/coach-words';
import type { Translate } from '../../utils/translate';

export interface SuggestionsProps {
  items: { person: Person; suggestion: Suggestion }[];
  /** "You know N of your M connections", when there is an imported network to speak of. */
  known?: string;
  now: number;
  locale: string;
  t: Translate;
  profileUrl(slug: string): string;
  onLog(slug: string): void;
  onSnooze(item: { person: Person; suggestion: Suggestion }): void;
  onDismiss(item: { person: Person; suggestion: Suggestion }): void;
}

export function Suggestions(props: SuggestionsProps) {
  const { t } = props;
  return (
    <section aria-labelledby="suggestions-heading" class="suggestions">
      <h2 id="suggestions-heading">{t('coach_heading')}</h2>
      {props.known && <p class="muted">{props.known}</p>}
      {props.items.length === 0 ? (
        <p class="muted">{t('coach_none')}</p>
      ) : (
        <ul class="plain-list">
          {props.items.map((item) => {
            const { person, suggestion } = item;
            const words = suggestionWords(suggestion, props.now, t, props.locale);
            return (
              <li
                key={`${person.slug}:${suggestion.kind}`}
                class="suggestion-row"
                aria-label={`${person.name}: ${words.title}`}
              >
                <div>
                  <strong>{person.name}</strong> · <span class="muted">{words.title}</span>
                  <p>{words.text}</p>
                  {words.ideas && <p class="muted">{words.ideas}</p>}
                </div>
                <div class="row-actions">
                  {suggestion.kind !== 'prune' && (
                    <button type="button" onClick={() => props.onLog(person.slug)}>
                      {t('coach_log')}
                    </button>
                  )}
                  <a href={props.profileUrl(person.slug)} target="_blank" rel="noreferrer">
                    {t('coach_openProfile')}
                  </a>
                  <button type="button" onClick={() => props.onSnooze(item)}>
                    {t('coach_snooze')}
                  </button>
                  <button type="button" onClick={() => props.onDismiss(item)}>
                    {t('coach_notRelevant')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export interface PruneListProps {
  /** Every prunable person; `people` are the first few of them. */
  count: number;
  people: Person[];
  t: Translate;
  profileUrl(slug: string): string;
}

/** Imported contacts the user said they don't know, each with a link to remove the connection on LinkedIn. */
export function PruneList(props: PruneListProps) {
  const { t } = props;
  if (props.count === 0) return null;
  return (
    <section aria-labelledby="prune-heading">
      <h2 id="prune-heading">{t('coach_pruneHeading')}</h2>
      <p class="muted">{t('coach_pruneIntro')}</p>
      <ul class="plain-list">
        {props.people.map((p) => (
          <li key={p.slug} class="agenda-row">
            <a href={props.profileUrl(p.slug)} target="_blank" rel="noreferrer">
              {p.name}
            </a>
          </li>
        ))}
      </ul>
      {props.count > props.people.length && (
        <p class="muted">{t('coach_pruneMore', String(props.count - props.people.length))}</p>
      )}
    </section>
  );
}
