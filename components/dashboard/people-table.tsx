// Every tracked person, searchable and sortable; only the visible rows are in the DOM.
import { useState } from 'preact/hooks';
import { stages } from '../../storage/schemas';
import type { PeopleQuery, PersonRow } from '../../utils/people-filter';
import { formatAgo } from '../../utils/relative-time';
import type { MessageKey, Translate } from '../../utils/translate';
import { TemperatureChip } from '../temperature-chip';

const ROW = 44;
const VIEWPORT = 560;
const OVERSCAN = 8;

export interface PeopleTableProps {
  rows: PersonRow[];
  total: number;
  tags: string[];
  query: PeopleQuery;
  now: number;
  locale: string;
  t: Translate;
  onQuery(patch: Partial<PeopleQuery>): void;
  onOpen(slug: string): void;
}

export function PeopleTable({ rows, total, tags, query, now, locale, t, onQuery, onOpen }: PeopleTableProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + VIEWPORT) / ROW) + OVERSCAN);
  const select = (label: string, value: string, options: [string, string][], key: keyof PeopleQuery) => (
    <label class="field">
      <span>{label}</span>
      <select
        value={value}
        onChange={(e) => onQuery({ [key]: e.currentTarget.value } as Partial<PeopleQuery>)}
      >
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{t('dash_people')}</h2>
      <div class="row filters">
        <label class="field grow">
          <span>{t('dash_searchPeople')}</span>
          <input type="search" value={query.text} onInput={(e) => onQuery({ text: e.currentTarget.value })} />
        </label>
        {select(
          t('popup_stage'),
          query.stage,
          [['', t('dash_any')], ...stages.map((s) => [s, t(`stage_${s}` as MessageKey)] as [string, string])],
          'stage',
        )}
        {select(
          t('dash_temperatureFilter'),
          query.temperature,
          [
            ['', t('dash_any')],
            ...(['warm', 'cooling', 'cold'] as const).map(
              (k) => [k, t(`temp_${k}` as MessageKey)] as [string, string],
            ),
            ['none', t('dash_noCadence')],
          ],
          'temperature',
        )}
        {select(
          t('dash_tag'),
          query.tag,
          [['', t('dash_any')], ...tags.map((tag) => [tag, tag] as [string, string])],
          'tag',
        )}
        {select(
          t('dash_source'),
          query.source,
          [
            ['', t('dash_any')],
            ...(['page', 'import', 'manual'] as const).map(
              (s) => [s, t(`source_${s}` as MessageKey)] as [string, string],
            ),
          ],
          'source',
        )}
        {select(
          t('dash_sort'),
          query.sort,
          (['name', 'lastTouch', 'due', 'stage'] as const).map(
            (s) => [s, t(`sort_${s}` as MessageKey)] as [string, string],
          ),
          'sort',
        )}
      </div>
      <p class="muted small" role="status">
        {t('dash_showing', rows.length.toLocaleString(locale), total.toLocaleString(locale))}
      </p>
      <section
        class="table-viewport"
        style={{ height: `${VIEWPORT}px` }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region must be reachable by keyboard
        tabIndex={0}
        aria-label={t('dash_people')}
      >
        <table class="people" aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              <th scope="col">{t('dash_name')}</th>
              <th scope="col">{t('popup_stage')}</th>
              <th scope="col">{t('dash_temperatureFilter')}</th>
              <th scope="col">{t('dash_lastTouch')}</th>
            </tr>
          </thead>
          <tbody>
            {first > 0 && (
              <tr class="spacer" style={{ height: `${first * ROW}px` }}>
                <td colSpan={4} />
              </tr>
            )}
            {rows.slice(first, last).map(({ person, temperature }, i) => (
              <tr key={person.slug} style={{ height: `${ROW}px` }} aria-rowindex={first + i + 2}>
                <td>
                  <button type="button" class="link" onClick={() => onOpen(person.slug)}>
                    {person.name}
                  </button>
                  <div class="muted small ellipsis">{person.headline}</div>
                </td>
                <td>{t(`stage_${person.stage}` as MessageKey)}</td>
                <td>
                  <TemperatureChip temperature={temperature} t={t} />
                </td>
                <td>{person.lastTouchAt === undefined ? '—' : formatAgo(person.lastTouchAt, now, t)}</td>
              </tr>
            ))}
            {last < rows.length && (
              <tr class="spacer" style={{ height: `${(rows.length - last) * ROW}px` }}>
                <td colSpan={4} />
              </tr>
            )}
          </tbody>
        </table>
      </section>
    </section>
  );
}
