// Chrome stops an idle service worker at will, and a message that reaches it while it is stopping is
// lost: "Receiving end does not exist" (never delivered) or a channel closed before the answer (maybe
// delivered, maybe handled). The first is always sent again; the second only when handling it twice
// is harmless. An error the receiver answered with is never sent again.

/** How long to wait before each new try: three tries in all. */
export const RESEND_MS = [100, 400];

const notDelivered = (error: unknown) =>
  /Receiving end does not exist|Could not establish connection/i.test(String(error));
const answerLost = (error: unknown) => /message (channel|port) closed|No response/i.test(String(error));

/** `send` until it is answered, sent again when a stopping service worker lost it. */
export async function sendUntilAnswered<T>(send: () => Promise<T>, repeatable: boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const wait = RESEND_MS[attempt];
      const again = notDelivered(error) || (repeatable && answerLost(error));
      if (wait === undefined || !again) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
