// Every message the background answers, each declared once (schema and handler) in its group under
// messages/. The senders — content script, popup, dashboard — use the type derived from it, imported as
// a type only, so none of the schemas or handlers travels with them.
import type { ProtocolOf } from './define-message';
import { languageMessages } from './messages/language';
import { peopleMessages } from './messages/people';
import { peopleChangedMessages } from './messages/people-changed';

export const backgroundMessages = { ...peopleMessages, ...languageMessages, ...peopleChangedMessages };

export type BackgroundProtocol = ProtocolOf<typeof backgroundMessages>;
