/** Copy a text to the clipboard; the result is announced. */
import { useState } from 'react';
import { Button } from '../app/ui';
import { t } from '../i18n';

export function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('created.copied'));
    } catch {
      setStatus(t('created.copyFailed'));
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={() => void copy()}>
        {label}
      </Button>
      <span role="status" className="text-sm">
        {status}
      </span>
    </span>
  );
}
