/**
 * Start a challenge. Solo: a name, then POST /api/challenges {scenario, name}; the seat is stored
 * like a joined one (kc:seat:<code>) and the board opens. A table: the number of players, then
 * POST {scenario, players}; the facilitator's seat is stored like a new session's and the
 * facilitator view opens (it shows the join code to the room).
 */
import { type FormEvent, useState } from 'react';
import { credentialStore } from '../app/credentials';
import { failureText } from '../app/failure';
import { navigate } from '../app/router';
import { Button, Field, inputClass } from '../app/ui';
import { useFocusOnMount } from '../app/useFocus';
import { t } from '../i18n';
import { NAME_MAX } from '../../game/contract/limits';
import { type ChallengeApi, type ChallengeSummary, challengeApi } from './challengeApi';
import { type Checked, checkChallengeName, checkPlayers } from './startForm';

interface FormProps {
  readonly challenge: ChallengeSummary;
  readonly api?: ChallengeApi;
}

/** One field and a submit button; `start` sends the checked value and answers an error or null. */
function StartForm<T>(props: {
  readonly label: string;
  readonly hint: string;
  readonly legend: string;
  readonly submit: string;
  readonly busyText: string;
  readonly input: { readonly inputMode: 'text' | 'numeric'; readonly autoComplete: string; readonly initial: string };
  readonly check: (typed: string) => Checked<T>;
  readonly start: (value: T) => Promise<string | null>;
}) {
  const [typed, setTyped] = useState(props.input.initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useFocusOnMount<HTMLInputElement>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = props.check(typed);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setBusy(true);
    const failed = await props.start(checked.value);
    // On success the page has moved on; only a failure stays here.
    if (failed !== null) {
      setBusy(false);
      setError(failed);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={props.legend} className="mt-2">
      <Field label={props.label} hint={props.hint} error={error}>
        {(c) => (
          <input
            {...c}
            ref={ref}
            className={inputClass}
            value={typed}
            inputMode={props.input.inputMode}
            autoComplete={props.input.autoComplete}
            maxLength={NAME_MAX + 10}
            onChange={(e) => {
              setTyped(e.target.value);
              setError(null);
            }}
          />
        )}
      </Field>
      <Button type="submit" className="mt-4 w-full sm:w-auto" disabled={busy} aria-busy={busy}>
        {busy ? props.busyText : props.submit}
      </Button>
    </form>
  );
}

export function SoloForm({ challenge, api = challengeApi }: FormProps) {
  const start = async (name: string) => {
    const r = await api.solo(challenge.scenario, name);
    if (!r.ok) return failureText(r.failure);
    const { code, matchID, seat, credentials } = r.value;
    credentialStore.save(code, { matchID, seat, credentials, name });
    navigate(`/play/${code}`);
    return null;
  };
  return (
    <StartForm
      legend={t('challenge.soloForm', { title: challenge.title })}
      label={t('challenge.name')}
      hint={t('challenge.name.hint', { max: NAME_MAX })}
      submit={t('challenge.soloStart')}
      busyText={t('challenge.starting')}
      input={{ inputMode: 'text', autoComplete: 'nickname', initial: '' }}
      check={checkChallengeName}
      start={start}
    />
  );
}

export function TableForm({ challenge, api = challengeApi }: FormProps) {
  const start = async (players: number) => {
    const r = await api.table(challenge.scenario, players);
    if (!r.ok) return failureText(r.failure);
    const s = r.value;
    credentialStore.save(s.code, {
      matchID: s.matchID,
      seat: s.seat,
      credentials: s.credentials,
      name: t('facilitator.seatName'),
    });
    navigate(`/facilitate/${s.code}`);
    return null;
  };
  return (
    <StartForm
      legend={t('challenge.tableForm', { title: challenge.title })}
      label={t('challenge.players')}
      hint={t('challenge.players.hint', { max: challenge.workshops })}
      submit={t('challenge.tableStart')}
      busyText={t('challenge.creating')}
      input={{ inputMode: 'numeric', autoComplete: 'off', initial: String(Math.min(challenge.workshops, 4)) }}
      check={(typed) => checkPlayers(typed, challenge.workshops)}
      start={start}
    />
  );
}
