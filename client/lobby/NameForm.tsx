/** The join form: a name (the contract's name rule); the server's answer is shown next to the field. */
import { type FormEvent, useState } from 'react';
import { Button, Field, inputClass } from '../app/ui';
import { t } from '../i18n';
import { checkTypedName } from './typedName';
import { NAME_MAX } from '../../game/contract/limits';

/** A name as it will be sent, or the problem with it. Pure. */
export function checkName(typed: string): { ok: true; name: string } | { ok: false; error: string } {
  return checkTypedName(typed, {
    empty: 'join.error.empty',
    long: 'join.error.long',
    characters: 'join.error.characters',
  });
}

interface NameFormProps {
  readonly busy: boolean;
  readonly serverError: string | null;
  readonly onSubmit: (name: string) => void;
  /** Typing again clears the server's error. */
  readonly onEdit: () => void;
}

export function NameForm({ busy, serverError, onSubmit, onEdit }: NameFormProps) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkName(typed);
    if (checked.ok) onSubmit(checked.name);
    else setError(checked.error);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field label={t('join.name')} hint={t('join.name.hint', { max: NAME_MAX })} error={error ?? serverError}>
        {(c) => (
          <input
            {...c}
            className={inputClass}
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setError(null);
              onEdit();
            }}
            autoComplete="nickname"
            maxLength={NAME_MAX + 10}
          />
        )}
      </Field>
      <Button type="submit" className="mt-4 w-full sm:w-auto" disabled={busy} aria-busy={busy}>
        {busy ? t('join.joining') : t('join.submit')}
      </Button>
    </form>
  );
}
