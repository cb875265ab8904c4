import { computeDueAt } from '../utils/cadence';
import { emitChanged } from './changes';
import { db } from './db';
import { SETTINGS_KEY } from './domain';
import { defaultSettings, type Settings, settingsSchema } from './schemas';

export { SETTINGS_KEY };

/** The user's settings, defaults filled in; a damaged row falls back to the defaults. */
export async function getSettings(): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_KEY);
  if (!row) return defaultSettings;
  const parsed = settingsSchema.safeParse(row.value);
  return parsed.success ? parsed.data : defaultSettings;
}

export type SaveResult = { ok: true; settings: Settings } | { ok: false; error: string };

/** Validates and stores settings; a cadence change moves every affected person's due date. */
export async function saveSettings(input: unknown): Promise<SaveResult> {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid settings' };
  const settings = parsed.data;
  const changed: string[] = [];
  await db.transaction('rw', db.people, db.settings, async () => {
    const before = await getSettings();
    await db.settings.put({ key: SETTINGS_KEY, value: settings });
    if (JSON.stringify(before.cadenceDays) === JSON.stringify(settings.cadenceDays)) return;
    await db.people.toCollection().modify((person) => {
      const dueAt = computeDueAt(person, settings);
      if (dueAt === person.dueAt) return;
      if (dueAt === undefined) delete person.dueAt;
      else person.dueAt = dueAt;
      changed.push(person.slug);
    });
  });
  emitChanged(changed);
  return { ok: true, settings };
}
