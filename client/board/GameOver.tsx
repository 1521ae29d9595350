/**
 * Game over: my final numbers and the table's (view.history is present now, I5), set against the
 * network's critical buffer, a challenge's score (client/challenge), and the way to the debrief.
 */
import { t } from '../i18n';
import { ChallengeOver } from '../challenge/ChallengeOver';
import type { SeatView } from '../../game/core/view';
import { coins, hours, percent } from './format';
import { finalSummary } from './selectors';
import { Card, Stat } from './ui';

export function GameOver({
  view,
  debriefHref,
  matchID,
}: {
  view: SeatView;
  debriefHref?: string | undefined;
  matchID?: string | undefined;
}) {
  const s = finalSummary(view);
  const net = s.network;
  return (
    <Card title={t('board.over.title')} id="over-title" className="border-2 border-[#0072B2]">
      <p className="text-sm">{t('board.over.intro', { rounds: s.rounds, title: view.config.title })}</p>
      <h3 className="mt-3 text-sm font-semibold">{t('board.over.mine', { name: view.me.name })}</h3>
      <dl className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label={t('board.over.finalLateness')} value={hours(s.finalLateness)} />
        <Stat label={t('board.over.meanLateness')} value={hours(s.meanLateness)} />
        <Stat label={t('board.over.lineStops')} value={s.lineStops} />
        <Stat label={t('board.over.meanBin')} value={hours(s.meanBin)} />
        <Stat label={t('board.over.rent')} value={coins(s.rentPaid)} />
        <Stat label={t('board.over.penalties')} value={coins(s.penaltiesPaid)} />
        <Stat label={t('board.over.coins')} value={coins(s.coins)} />
        <Stat label={t('board.over.autopilot')} value={s.autopilotRounds} />
      </dl>
      {net ? (
        <>
          <h3 className="mt-3 text-sm font-semibold">{t('board.over.network')}</h3>
          <dl className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Stat label={t('board.over.netFinal')} value={hours(net.finalMeanLateness)} />
            <Stat label={t('board.over.netMean')} value={hours(net.meanLateness)} />
            <Stat label={t('board.over.netBreach')} value={percent(net.breachRate)} />
            <Stat label={t('board.over.netBin')} value={hours(net.meanBin)} />
          </dl>
        </>
      ) : null}
      {s.criticalBuffer !== null && net ? (
        <p className="mt-3 text-sm">
          {t(net.meanBin < s.criticalBuffer ? 'board.over.below' : 'board.over.above', {
            bc: hours(s.criticalBuffer),
            bin: hours(net.meanBin),
          })}
        </p>
      ) : null}
      <ChallengeOver config={view.config} matchID={matchID} />
      <div className="mt-3 rounded-md bg-[#e1eff9] p-2 text-sm text-[#00324f]">
        <p>{t('board.over.debrief')}</p>
        {debriefHref ? (
          <a href={debriefHref} className="mt-1 inline-block font-semibold underline underline-offset-2">
            {t('board.over.debriefLink')}
          </a>
        ) : (
          <p className="mt-1">{t('board.over.debriefRoom')}</p>
        )}
      </div>
    </Card>
  );
}
