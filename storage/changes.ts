// Repository writes announce which people changed, so that whoever wired a
// listener (the background tells LinkedIn tabs; pages ask the background) can
// refresh badges without a reload. Storage itself never talks to tabs.
type Listener = (slugs: string[]) => void;

let listener: Listener | undefined;

export function setChangeListener(fn: Listener | undefined): void {
  listener = fn;
}

export function emitChanged(slugs: Iterable<string>): void {
  const unique = [...new Set(slugs)];
  if (unique.length === 0 || !listener) return;
  try {
    listener(unique);
  } catch (error) {
    console.error('[vinculo] change listener failed', error);
  }
}
