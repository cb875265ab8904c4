// The paths of Vínculo's marks (see temperature-icon.tsx), shared by the Preact views and the content
// script's badge, which draws them without Preact.
import type { Temperature } from '../utils/cadence';

// A 16 × 16 grid, filled and stroked 1.5 wide: open lines are strokes, closed shapes are solid.
// Short on purpose: every byte here ships in the content script (15 KB gzipped at most).
export const PATHS = {
  // A sun: a disc and eight rays.
  warm: 'M8 6a2 2 0 1 0 0 4 2 2 0 0 0 0-4M8 1v2m0 10v2M1 8h2m10 0h2M3 3l1.5 1.5m7 7 1.5 1.5m0-10-1.5 1.5m-7 7-1.5 1.5',
  // A circle with its left half solid.
  cooling: 'M8 2a6 6 0 0 0 0 12 6 6 0 0 0 0-12m0 10V4a4 4 0 0 1 0 8',
  // A six-armed snowflake.
  cold: 'M8 1v14M2 4.5l12 7m-12 0 12-7',
  // Two people side by side: met in person.
  met: 'M4 4a2 2 0 1 0 0 4 2 2 0 0 0 0-4m8 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4M1.5 13a2.5 2.5 0 0 1 5 0zm8 0a2.5 2.5 0 0 1 5 0z',
  plus: 'M8 3v10M3 8h10',
} satisfies Record<Temperature | 'met' | 'plus', string>;

export type IconName = keyof typeof PATHS;

const SVG = 'http://www.w3.org/2000/svg';
export const MARK_STYLE =
  'vertical-align:-.125em;fill:currentColor;stroke:currentColor;stroke-width:1.5;stroke-linecap:round';

/** One mark as a DOM element, 1em high, hidden from assistive technology. */
export function markElement(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', PATHS[name]);
  for (const [key, value] of [
    ['viewBox', '0 0 16 16'],
    ['height', '1em'],
    ['style', MARK_STYLE],
    ['aria-hidden', 'true'],
    ['focusable', 'false'],
  ])
    svg.setAttribute(key as string, value as string);
  svg.append(path);
  return svg;
}
