// @vitest-environment happy-dom
// The settings form: labelled fields, inline validation through settingsSchema, nothing saved when invalid.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { SettingsForm } from '../../components/settings-form';
import { defaultSettings } from '../../storage/schemas';
import type { Translate } from '../../utils/translate';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages: Messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8'));
const t: Translate = (key, ...subs) => {
  const entry = messages[key];
  if (!entry) return key;
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) =>
    (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace(
      /\$(\d)/g,
      (__, i) => subs[Number(i) - 1] ?? '',
    ),
  );
};

function mount(locale = 'en-US') {
  const root = document.createElement('div');
  document.body.append(root);
  const onSave = vi.fn(async () => ({ ok: true as const }));
  act(() => render(<SettingsForm settings={defaultSettings} onSave={onSave} t={t} locale={locale} />, root));
  const field = (label: string) =>
    [...root.querySelectorAll('label')]
      .find((l) => l.textContent?.includes(label))
      ?.querySelector('input') as HTMLInputElement;
  const days = () => [...root.querySelectorAll('fieldset.plain label')].map((l) => l.textContent?.trim());
  return { root, onSave, field, days };
}
const type = (input: HTMLInputElement, value: string) =>
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const tick = (input: HTMLInputElement, checked: boolean) =>
  act(() => {
    input.checked = checked;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
const submit = (root: HTMLElement) =>
  act(async () => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });

describe('settings form', () => {
  it('shows the current settings in labelled fields, weekdays in the locale’s order', () => {
    const { field, days } = mount();
    expect(field('Acquaintance (days)').value).toBe('30');
    expect(field('Contact (days)').value).toBe('');
    expect(field('Reminder hour').value).toBe('9');
    expect(days()).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    expect(mount('es').days()[0]).toBe('lunes');
  });

  it('an invalid hour or cadence shows why, beside the field, and saves nothing', async () => {
    const { root, onSave, field } = mount();
    type(field('Reminder hour'), '25');
    expect(root.textContent).toContain('Enter a whole hour from 0 to 23.');
    expect(field('Reminder hour').getAttribute('aria-invalid')).toBe('true');
    type(field('Relationship (days)'), '1.5');
    await submit(root);
    expect(onSave).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Relationship: enter a whole number of days');
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Nothing was saved');
    type(field('Reminder hour'), '');
    await submit(root);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves what the fields say: empty cadence is none, quiet days, notifications off', async () => {
    const { root, onSave, field } = mount();
    type(field('Contact (days)'), '90');
    type(field('Acquaintance (days)'), '');
    type(field('Reminder hour'), '7');
    tick(field('Saturday'), true);
    tick(field('Show a daily'), false);
    await submit(root);
    expect(onSave).toHaveBeenCalledWith({
      cadenceDays: { contact: 90, acquaintance: null, relationship: 60, archived: null },
      reminderHour: 7,
      quietDays: [6],
      notifications: false,
    });
    expect(root.querySelector('[role=status]')?.textContent).toBe('Settings saved.');
    expect(field('Reminder hour').value).toBe('7');
  });
});
