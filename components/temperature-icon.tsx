// Vínculo's marks, drawn in the text colour so that every system shows them: the emoji and dingbats
// they replace (sun, half circle, snowflake, handshake, full-width plus) came out as a box where no
// emoji font is installed (stock Debian, many corporate Windows images). Marks are pictures only: the
// words beside them carry the meaning.
import type { JSX } from 'preact';
import { type IconName, MARK_STYLE, PATHS } from './marks';

export type { IconName };

/** One mark, 1em high, sitting on the text like a letter; hidden from assistive technology. */
export function Icon({ name }: { name: IconName }): JSX.Element {
  return (
    <svg viewBox="0 0 16 16" height="1em" style={MARK_STYLE} aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
