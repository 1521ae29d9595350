/** Before the start: how to join (code, link, QR code, big for the projector) and who has joined. */
import type { FacilitatorView } from '../../game/core/view';
import type { SessionPlayer } from '../../game/contract/api';
import { t } from '../i18n';
import { JoinInfo } from '../lobby/JoinInfo';

interface WaitingRoomProps {
  readonly code: string;
  readonly view: FacilitatorView;
  readonly players: readonly SessionPlayer[];
  /** How many people the facilitator expects (null: unknown). */
  readonly expected: number | null;
}

export function WaitingRoom({ code, view, players, expected }: WaitingRoomProps) {
  return (
    <div className="py-4">
      <div className="flex justify-center">
        <JoinInfo code={code} link={`${window.location.origin}/join/${code}`} large />
      </div>
      <p className="mt-6 text-center text-xl">{t('map.waiting', { n: view.config.workshops })}</p>
      <p className="mt-2 text-center text-lg font-semibold" aria-live="polite">
        {expected === null
          ? t('map.joinedCount', { n: players.length })
          : t('map.joined', { n: players.length, expected })}
      </p>
      {players.length > 0 && (
        <ul className="mx-auto mt-2 flex max-w-3xl flex-wrap justify-center gap-2">
          {players.map((p) => (
            <li key={p.seat} className="rounded-full border border-stone-400 px-3 py-1 text-lg">
              {p.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
