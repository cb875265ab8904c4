// A component whose code loads the first time it is shown, so a page starts with only what its first
// view needs. Shows nothing (or `fallback`) for the moment the code takes to arrive.
import type { ComponentChildren, ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazy<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: () => ComponentChildren = () => null,
): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (Component) return;
      let shown = true;
      loading ??= load().then((component) => {
        loaded = component;
        return component;
      });
      loading
        .then((component) => shown && setComponent(() => component))
        .catch((error) => console.error('[vinculo] loading a view', error));
      return () => {
        shown = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : fallback();
  };
}
