'use client';
import { useEffect, useId, useState, type DragEvent } from 'react';
import { count } from '@/lib/client/format';
import { previewPhoneFile, previewPhoneText, type PhonePreview } from '@/lib/client/phone-preview';
import { cx } from '../ui/cx';
import { Alert, ProgressBar } from '../ui/feedback';

export type PhoneListMode = 'file' | 'paste' | 'none';

/** State of a phone list being prepared: a dropped/chosen file or pasted lines, and its preview. */
export function usePhoneList(initial: PhoneListMode) {
  const [mode, setMode] = useState<PhoneListMode>(initial);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<PhonePreview | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    let cancelled = false;
    if (mode === 'file' && file) {
      setChecking(true);
      previewPhoneFile(file).then(
        (p) => {
          if (!cancelled) {
            setPreview(p);
            setChecking(false);
          }
        },
        () => {
          if (!cancelled) {
            setPreview(null);
            setChecking(false);
          }
        },
      );
    } else if (mode === 'paste' && text.trim() !== '') {
      // Debounced: re-checking 10,000 pasted lines on every keystroke would stutter.
      const t = setTimeout(() => !cancelled && setPreview(previewPhoneText(text)), 250);
      return () => {
        cancelled = true;
        clearTimeout(t);
      };
    } else setPreview(null);
    return () => {
      cancelled = true;
    };
  }, [mode, file, text]);

  /** What to upload: the file, or the pasted text as a file (the server then reads it the same way). */
  const upload = (): File | null => {
    if (mode === 'file') return file;
    if (mode === 'paste' && text.trim() !== '') return new File([text], 'pasted-numbers.txt', { type: 'text/plain' });
    return null;
  };
  /** Why the list cannot be sent yet, if so. */
  const problem = (): string | null => {
    if (mode === 'file' && !file) return 'Choose a phone list file, or pick another way to add numbers.';
    if (mode === 'paste' && text.trim() === '') return 'Paste at least one phone number, or pick another way to add numbers.';
    if (mode !== 'none' && checking) return 'The phone list is still being checked. Try again in a moment.';
    if (mode !== 'none' && preview && preview.errorCount > 0)
      return `The phone list has ${count(preview.errorCount)} ${preview.errorCount === 1 ? 'line' : 'lines'} that can’t be called. Fix or remove ${preview.errorCount === 1 ? 'it' : 'them'} first.`;
    if (mode !== 'none' && preview && preview.valid === 0 && !preview.partial) return 'The phone list has no phone numbers in it.';
    return null;
  };
  return { mode, setMode, file, setFile, text, setText, preview, checking, upload, problem };
}

export type PhoneList = ReturnType<typeof usePhoneList>;

const FORMAT_HELP = (
  <>
    One number per line, e.g. <code className="font-mono">tel:+12223334444; ani=7778889999, march-promo</code> (the caller ID after
    “ani=” and the reference after the comma are optional), or a CSV file with a <code className="font-mono">phone_number</code> column
    and optional <code className="font-mono">ani</code> and <code className="font-mono">message_reference</code> columns.
  </>
);

export function PhoneListInput({
  list,
  allowNone,
  serverErrors,
  progress,
  legend = 'Phone numbers',
}: {
  list: PhoneList;
  allowNone?: boolean;
  serverErrors?: string[];
  /** Upload progress 0..1 while submitting a file. */
  progress?: number | null;
  legend?: string;
}) {
  const name = useId();
  const fileId = useId();
  const textId = useId();
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files?.[0];
    if (f) {
      list.setMode('file');
      list.setFile(f);
    }
  };
  const modes: Array<{ value: PhoneListMode; label: string }> = [
    { value: 'file', label: 'Upload a file' },
    { value: 'paste', label: 'Paste numbers' },
    ...(allowNone ? [{ value: 'none' as const, label: 'Add numbers later' }] : []),
  ];
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-4">
        {modes.map((m) => (
          <label key={m.value} className="inline-flex items-center gap-2 text-sm">
            <input type="radio" name={name} value={m.value} checked={list.mode === m.value} onChange={() => list.setMode(m.value)} />
            {m.label}
          </label>
        ))}
      </div>
      <p className="text-xs text-muted">{FORMAT_HELP}</p>

      {list.mode === 'file' && (
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="phone-dropzone"
          className={cx(
            'flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center',
            dragging ? 'border-accent bg-accent-soft' : 'border-border bg-surface-2',
          )}
        >
          <label htmlFor={fileId} className="text-sm font-medium">
            Phone list file (.csv or .txt)
          </label>
          <p className="text-xs text-muted">Drag and drop it here, or choose it:</p>
          <input
            id={fileId}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            className="max-w-full text-sm"
            onChange={(e) => list.setFile(e.target.files?.[0] ?? null)}
          />
          {list.file && (
            <p className="text-xs text-muted">
              {list.file.name} · {(list.file.size / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB
            </p>
          )}
        </div>
      )}

      {list.mode === 'paste' && (
        <div className="flex flex-col gap-1">
          <label htmlFor={textId} className="text-sm font-medium">
            Phone numbers, one per line
          </label>
          <textarea
            id={textId}
            rows={6}
            className="w-full font-mono"
            placeholder={'tel:+12223334444\n+1 (222) 333-5555; ani=7778889999, reference'}
            value={list.text}
            onChange={(e) => list.setText(e.target.value)}
          />
        </div>
      )}

      {list.mode !== 'none' && list.checking && <p className="text-sm text-muted">Checking the phone list…</p>}
      {list.mode !== 'none' && list.preview && <PreviewSummary preview={list.preview} />}

      {typeof progress === 'number' && (
        <div className="flex flex-col gap-1">
          <p className="text-sm">Uploading… {Math.round(progress * 100)}%</p>
          <ProgressBar value={Math.round(progress * 100)} max={100} label="Upload progress" />
        </div>
      )}

      {serverErrors && serverErrors.length > 0 && (
        <Alert tone="error" title="The phone list was not accepted. Nothing was added.">
          <ul className="mt-1 max-h-48 list-disc overflow-auto pl-5 font-mono text-xs" aria-label="Phone list errors from the server">
            {serverErrors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      )}
    </fieldset>
  );
}

function PreviewSummary({ preview }: { preview: PhonePreview }) {
  return (
    <div className="rounded-md border border-border bg-surface p-3 text-sm" data-testid="phone-preview">
      <p>
        <span className="font-semibold">{count(preview.valid)}</span> valid {preview.valid === 1 ? 'number' : 'numbers'}
        {preview.errorCount > 0 && (
          <>
            {' · '}
            <span className="font-semibold text-danger">
              {count(preview.errorCount)} {preview.errorCount === 1 ? 'line' : 'lines'} with problems
            </span>
          </>
        )}
        <span className="text-muted"> · {preview.format === 'csv' ? 'CSV with a header' : 'one entry per line'}</span>
      </p>
      {preview.partial && (
        <p className="mt-1 text-xs text-muted">
          This is a large file: its first {count(preview.checkedLines)} lines were checked here; the rest are checked when you submit.
        </p>
      )}
      {preview.errors.length > 0 && (
        <ul className="mt-2 max-h-48 list-disc overflow-auto pl-5 font-mono text-xs text-danger" aria-label="Lines with problems">
          {preview.errors.map((e) => (
            <li key={e.line}>{e.message}</li>
          ))}
          {preview.errorCount > preview.errors.length && <li>… and {count(preview.errorCount - preview.errors.length)} more</li>}
        </ul>
      )}
      {preview.sample.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs text-muted">First numbers as they will be called</summary>
          <table className="mt-2 w-full text-left text-xs">
            <thead>
              <tr className="text-muted">
                <th className="py-1 pr-3 font-medium">Phone number</th>
                <th className="py-1 pr-3 font-medium">Caller ID (ani)</th>
                <th className="py-1 font-medium">Reference</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {preview.sample.map((e, i) => (
                <tr key={i}>
                  <td className="py-0.5 pr-3">{e.phoneNumber}</td>
                  <td className="py-0.5 pr-3">{e.ani ?? '—'}</td>
                  <td className="py-0.5">{e.messageReference ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
