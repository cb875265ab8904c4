// Temperature as a chip: colour, a shape and the word, never colour alone.
import type { Temperature } from '../utils/cadence';
import { formatAgo } from '../utils/relative-time';
import type { MessageKey, Translate } from '../utils/translate';
import { Icon } from './temperature-icon';

export function TemperatureChip({ temperature, t }: { temperature: Temperature | null; t: Translate }) {
  if (!temperature) return null;
  return (
    <span class={`chip ${temperature}`}>
      <Icon name={temperature} /> {t(`temp_${temperature}` as MessageKey)}
    </span>
  );
}

/** "last touch 12 days ago", or "no touch yet". */
export function lastTouchWords(lastTouchAt: number | undefined, now: number, t: Translate): string {
  return lastTouchAt === undefined
    ? t('badge_noTouch')
    : t('badge_lastTouch', formatAgo(lastTouchAt, now, t));
}
