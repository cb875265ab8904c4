// @vitest-environment happy-dom
// Dashboard views load their code when first shown: the fallback first, then the view, and the code
// is asked for once however often the view is shown.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { lazy } from '../../components/lazy';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('a view whose code loads when first shown', () => {
  it('shows the fallback, then the view with its props; a second showing needs no new load', async () => {
    let loads = 0;
    let release: (() => void) | undefined;
    const Lazy = lazy(
      () =>
        new Promise<typeof Greeting>((resolve) => {
          loads++;
          release = () => resolve(Greeting);
        }),
      () => <p>Loading…</p>,
    );
    const root = document.createElement('div');
    await act(() => render(<Lazy name="Ana" />, root));
    expect(root.textContent).toBe('Loading…');
    await act(async () => {
      release?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(root.textContent).toBe('Hello Ana');

    const again = document.createElement('div');
    await act(() => render(<Lazy name="Bo" />, again));
    expect(again.textContent).toBe('Hello Bo');
    expect(loads).toBe(1);
  });
});
