// The errors of a touch form (the quick note, the touch editor), said beside their field: the
// field marked invalid and described by its message.
import type { DraftError, DraftField } from '../utils/draft';
import type { MessageKey, Translate } from '../utils/translate';

export function fieldErrors(errors: DraftError[], t: Translate, idPrefix = '') {
  const find = (field: DraftField) => errors.find((e) => e.field === field);
  const id = (field: DraftField) => `${idPrefix}${field}-error`;
  return {
    /** The attributes that tie the field to its message, when it has one. */
    described: (field: DraftField) =>
      find(field) ? { 'aria-invalid': true, 'aria-describedby': id(field) } : {},
    message: (field: DraftField) => {
      const error = find(field);
      return error ? (
        <p id={id(field)} class="error">
          {t(`draft_${error.code}` as MessageKey)}
        </p>
      ) : null;
    },
  };
}
