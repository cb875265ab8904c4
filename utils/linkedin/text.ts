// How Vínculo reads text off LinkedIn's markup: what a sighted reader sees, names without the
// connection degree LinkedIn writes beside them.
import { VISUALLY_HIDDEN } from './selectors';

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'svg', 'SVG', 'NOSCRIPT']);
// A trailing connection degree, in any language: "· 3rd", "• 2nd", "1st", "2e", "3er+", "1.º".
const DEGREE = /(?:\s*[·•]\s*|\s+)\d\p{L}{0,3}\.?\p{L}?\+?$/u;
const SEPARATOR_ONLY = /^[\s·•|,-]*$/;

/** Text a sighted reader sees: screen-reader-only spans ("Status is offline", "View X's profile") dropped. */
export function visibleText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (!NOT_TEXT.has(child.tagName) && !child.matches(VISUALLY_HIDDEN)) text += ` ${visibleText(child)} `;
    }
  }
  return text;
}

/** A person's name as LinkedIn writes it, without the degree marker or stray separators. */
export function cleanName(text: string): string | null {
  let name = cleanText(text);
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(DEGREE, '').replace(/[\s·•|,]+$/u, '');
  }
  return SEPARATOR_ONLY.test(name) ? null : name;
}

export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
