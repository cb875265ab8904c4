// Firefox's own windows — the browser window where add-on shortcuts listen, and the alert windows
// that show notifications — reached over WebDriver BiDi in the browser's privileged scope, which
// `--remote-allow-system-access` opens. WebDriver's input actions do not reach these windows: events
// are dispatched there by the browser's own code instead, which makes them trusted, as the keyboard's
// and the mouse's are.

export interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** What Firefox shows for a notification: its own alert window, read as the user reads it. */
export interface OnScreenNotification {
  title: string;
  text: string;
}

const BROWSER_WINDOW = 'chrome://browser/content/browser.xhtml';
const ALERT_WINDOW = 'chrome://global/content/alerts/alert.xhtml';

async function windowsAt(bidi: BidiConnection, url: string): Promise<string[]> {
  const { result } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  return (result.contexts as { context: string; url: string }[])
    .filter((c) => c.url === url)
    .map((c) => c.context);
}

async function evaluate(bidi: BidiConnection, context: string, expression: string): Promise<unknown> {
  const { result } = await bidi.send('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
  });
  if (result.type === 'exception') throw new Error(`Firefox: ${JSON.stringify(result.exceptionDetails)}`);
  return (result.result as { value?: unknown } | undefined)?.value;
}

/**
 * The notifications on screen, oldest first. The harness turns off the desktop's notification service
 * (this machine has none), so Firefox shows each in an alert window of its own.
 */
export async function notificationsOnScreen(
  bidi: BidiConnection,
): Promise<(OnScreenNotification & { context: string })[]> {
  const shown = [];
  for (const context of await windowsAt(bidi, ALERT_WINDOW)) {
    const value = await evaluate(
      bidi,
      context,
      `JSON.stringify({
        title: document.getElementById('alertTitleLabel').getAttribute('value'),
        text: document.getElementById('alertTextLabel').textContent,
      })`,
    );
    if (typeof value === 'string') shown.push({ context, ...(JSON.parse(value) as OnScreenNotification) });
  }
  return shown;
}

/** Clicks a notification where a person does: pressed and released on the middle of its text. */
export async function clickAlert(bidi: BidiConnection, context: string): Promise<void> {
  await evaluate(
    bidi,
    context,
    `(() => {
      const text = document.getElementById('alertTextLabel');
      const box = text.getBoundingClientRect();
      const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, button: 0, detail: 1 };
      for (const type of ['mousedown', 'mouseup', 'click'])
        text.dispatchEvent(new MouseEvent(type, { ...at, bubbles: true, cancelable: true, view: window }));
    })()`,
  );
}

/** Presses a shortcut such as 'Alt+Shift+V' in the browser window (a letter key and its modifiers). */
export async function pressInBrowserWindow(bidi: BidiConnection, keys: string): Promise<void> {
  const [key, ...modifiers] = keys.split('+').reverse() as [string, ...string[]];
  const [context] = await windowsAt(bidi, BROWSER_WINDOW);
  if (!context) throw new Error('Firefox has no browser window');
  const held = Object.fromEntries(modifiers.map((m) => [`${m.toLowerCase()}Key`, true]));
  await evaluate(
    bidi,
    context,
    `(() => {
      const key = ${JSON.stringify(key)};
      const code = key.toUpperCase().charCodeAt(0);
      for (const type of ['keydown', 'keypress', 'keyup']) {
        document.dispatchEvent(new KeyboardEvent(type, {
          ...${JSON.stringify(held)}, key, code: 'Key' + key.toUpperCase(), bubbles: true, cancelable: true,
          keyCode: type === 'keypress' ? 0 : code, charCode: type === 'keypress' ? code : 0,
        }));
      }
    })()`,
  );
}
