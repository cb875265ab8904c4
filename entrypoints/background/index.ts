// Wiring only: the background answers the message protocol, keeps LinkedIn tabs and the toolbar count in
// step with every write, and runs the reminders.
import { defineBackground } from 'wxt/utils/define-background';
import { setChangeListener } from '../../storage/changes';
import { browserMessages } from '../../storage/locale';
import { setMessageSource } from '../../utils/translate';
import { answerMessages } from './answer-messages';
import { peopleChanged } from './live-updates';
import { backgroundMessages } from './protocol';
import { registerReminders } from './reminders';

export default defineBackground(() => {
  setMessageSource(browserMessages);
  // After every write, here or in the popup and dashboard: badges on LinkedIn tabs and the icon count follow.
  setChangeListener(peopleChanged);
  registerReminders();
  answerMessages(backgroundMessages);
});
