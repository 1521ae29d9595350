/** The debrief's title: the scenario, how far the game went, who played, and the critical buffer. */
import type { DebriefData } from '../../game/debrief/types';
import { num } from '../board/format';
import { t } from '../i18n';

export function DebriefHeader({
  data,
  headingLevel = 1,
}: {
  readonly data: DebriefData;
  readonly headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const players = data.workshops.filter((w) => w.player !== null);
  const bc = data.criticalBuffer;
  return (
    <header className="rounded-lg border border-stone-300 bg-white p-4">
      <Heading className="text-2xl font-bold">{t('debrief.heading', { title: data.scenario.title })}</Heading>
      <p className="mt-1 text-lg">
        {data.status === 'over'
          ? t('debrief.status.over', { rounds: data.history.length })
          : t('debrief.status.running', { rounds: data.history.length, total: data.config.rounds })}
      </p>
      <p className="mt-1">
        {players.length === 0
          ? t('debrief.players.none', { n: data.workshops.length })
          : t('debrief.players', {
              n: data.workshops.length,
              humans: players.length,
              names: players.map((w) => w.player).join(', '),
            })}
      </p>
      <p className="mt-1">
        {bc ? t('debrief.bc', { bc: num(bc.value, 2), se: num(bc.standardError, 3) }) : t('debrief.bcUnknown')}
      </p>
      {data.history.length === 0 && (
        <p className="mt-2 font-semibold" role="status">
          {t('debrief.noRounds')}
        </p>
      )}
    </header>
  );
}
