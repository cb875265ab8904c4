// A person's initials in place of their photo: photos live on LinkedIn's servers,
// and Vínculo's pages never request anything from outside the browser.
export function Initials({ name, large = false }: { name: string; large?: boolean }) {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]?.toUpperCase() ?? '')
    .join('');
  return (
    <span class={large ? 'initials large' : 'initials'} aria-hidden="true">
      {letters}
    </span>
  );
}
