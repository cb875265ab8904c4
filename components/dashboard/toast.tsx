// The dashboard's status line: what the last action did, with Undo when it can be taken back.
// Plain props in, events out.
import type { Translate } from '../../utils/translate';

export interface ToastMessage {
  text: string;
  undo?: () => void;
}
export type SetToast = (toast: ToastMessage | null) => void;

export function Toast({
  toast,
  t,
  onDismiss,
}: {
  toast: ToastMessage | null;
  t: Translate;
  onDismiss(): void;
}) {
  return (
    <div class="toast floating" role="status" aria-live="polite">
      {toast?.text}
      {toast?.undo && (
        <button
          type="button"
          onClick={() => {
            toast.undo?.();
            onDismiss();
          }}
        >
          {t('popup_undo')}
        </button>
      )}
    </div>
  );
}
