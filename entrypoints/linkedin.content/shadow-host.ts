// Vínculo's UI on LinkedIn lives in shadow roots under its own host elements
// (`vinculo-badge`, `vinculo-dot`): no style leaks either way.
export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
}

// One parsed stylesheet shared by every root (a list page can hold a hundred dots); browsers whose
// content scripts cannot adopt constructed sheets get a <style> element per root instead.
const sheets = new Map<string, CSSStyleSheet | null>();

function sharedSheet(css: string): CSSStyleSheet | null {
  if (!sheets.has(css)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  return sheets.get(css) ?? null;
}

export function createShadowHost(tag: 'vinculo-badge' | 'vinculo-dot', css: string): ShadowHost {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = sharedSheet(css);
  try {
    if (!sheet) throw new Error('no constructed sheet');
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  // A dot is only a picture; the badge takes keys and clicks, which are not LinkedIn's: keys typed in
  // its panel are not LinkedIn's shortcuts, and clicks do not follow the card's link.
  if (tag === 'vinculo-dot') return { host, root };
  for (const type of ['keydown', 'keyup', 'keypress', 'click']) {
    host.addEventListener(type, (event) => {
      event.stopPropagation();
      // Should LinkedIn ever wrap the badge in one of its links, a click on Vínculo must not follow it.
      if (type === 'click' && host.parentElement?.closest('a')) event.preventDefault();
    });
  }
  return { host, root };
}
