// How messages.csv is read: whether the messages' text is kept, and whose export it is (the user's
// own profile, when the file does not say). Plain props in, events out.
import type { Translate } from '../../utils/translate';

interface MessagesOptionsProps {
  keepBodies: boolean;
  me: string;
  t: Translate;
  onKeepBodies(keep: boolean): void;
  onMe(me: string): void;
}

export function MessagesOptions({ keepBodies, me, t, onKeepBodies, onMe }: MessagesOptionsProps) {
  return (
    <>
      <h3>{t('import_messagesHeading')}</h3>
      <p>{t('import_messagesRule')}</p>
      <label>
        <input type="checkbox" checked={keepBodies} onChange={(e) => onKeepBodies(e.currentTarget.checked)} />{' '}
        {t('import_keepBodies')}
      </label>
      <label class="field">
        <span>{t('import_meLabel')}</span>
        <input
          type="url"
          value={me}
          placeholder="https://www.linkedin.com/in/…"
          onInput={(e) => onMe(e.currentTarget.value)}
        />
      </label>
    </>
  );
}
