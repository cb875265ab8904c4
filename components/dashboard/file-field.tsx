// A labelled file picker that hands over the file chosen and is ready for the same file again.
// Plain props in, events out.
interface FileFieldProps {
  label: string;
  accept: string;
  onFile(file: File): void;
}

export function FileField({ label, accept, onFile }: FileFieldProps) {
  return (
    <label class="field">
      <span>{label}</span>
      <input
        type="file"
        accept={accept}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
          e.currentTarget.value = '';
        }}
      />
    </label>
  );
}
