/**
 * A table of leaderboard entries: rank (ranked runs only), who played, the score to three
 * decimals, the mean bin, whether the stock held and the judge's numbers in words (a mark and
 * words, never colour alone),
 * the date in the current language and a link to the replay; runs that do not count say why (the
 * server's reasons, in the reader's words). Narrow screens scroll the table, not the page.
 */
import { Link } from '../app/router';
import { t } from '../i18n';
import type { LeaderboardEntry } from './challengeApi';
import { formatDate, formatHours, formatNames, formatScore } from './format';
import { JudgeFacts } from './JudgeFacts';
import { whyAll } from './why';

/** Did the stock hold (CH1): a mark and words (never colour alone); a run without rounds was not measured. */
function Bounded({ entry }: { readonly entry: LeaderboardEntry }) {
  if (entry.meanBin === null) return <span>{t('leaderboard.bounded.noRounds')}</span>;
  const { bounded } = entry;
  return (
    <span className={`flex items-start gap-1 ${bounded ? 'text-[#00324f]' : 'text-[#7a2e00]'}`}>
      <span aria-hidden="true" className="font-bold">
        {bounded ? '✓' : '✗'}
      </span>
      <span>
        <span className="font-semibold">{t(bounded ? 'leaderboard.bounded.yes' : 'leaderboard.bounded.no')}</span>
        {entry.judge ? (
          <JudgeFacts judge={entry.judge} compact />
        ) : (
          <span className="block text-xs">
            {t(bounded ? 'leaderboard.bounded.yesWhy' : 'leaderboard.bounded.noWhy')}
          </span>
        )}
      </span>
    </span>
  );
}

/** A number, or a dash read out as "none" (no round was played). */
function Maybe({ value, format }: { readonly value: number | null; readonly format: (n: number) => string }) {
  if (value !== null) return <>{format(value)}</>;
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="sr-only">{t('leaderboard.none')}</span>
    </>
  );
}

interface TableProps {
  readonly entries: readonly LeaderboardEntry[];
  readonly caption: string;
  /** Ranked runs show their rank; runs that do not count have none. */
  readonly ranked: boolean;
}

const TH = 'px-2 py-2 text-left font-semibold whitespace-nowrap';
const TD = 'px-2 py-2 align-top';

export function LeaderboardTable({ entries, caption, ranked }: TableProps) {
  return (
    <div
      className="relative mt-2 overflow-x-auto rounded-lg border border-stone-300 bg-white"
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-stone-300 bg-stone-100">
          <tr>
            {ranked && (
              <th scope="col" className={TH}>
                {t('leaderboard.col.rank')}
              </th>
            )}
            <th scope="col" className={TH}>
              {t('leaderboard.col.names')}
            </th>
            <th scope="col" className={`${TH} text-right`}>
              {t('leaderboard.col.score')}
            </th>
            <th scope="col" className={`${TH} text-right`}>
              {t('leaderboard.col.meanBin')}
            </th>
            <th scope="col" className={TH}>
              {t('leaderboard.col.bounded')}
            </th>
            {!ranked && (
              <th scope="col" className={TH}>
                {t('leaderboard.col.reason')}
              </th>
            )}
            <th scope="col" className={TH}>
              {t('leaderboard.col.date')}
            </th>
            <th scope="col" className={TH}>
              {t('leaderboard.col.replay')}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => {
            const names = formatNames(e.names);
            return (
              <tr key={e.id} className="border-b border-stone-200 last:border-0">
                {ranked && <td className={`${TD} font-bold tabular-nums`}>{i + 1}</td>}
                <th scope="row" className={`${TD} text-left font-semibold`}>
                  {names}
                </th>
                <td className={`${TD} text-right font-mono text-base font-bold tabular-nums`}>
                  <Maybe value={e.score} format={formatScore} />
                </td>
                <td className={`${TD} text-right tabular-nums whitespace-nowrap`}>
                  <Maybe value={e.meanBin} format={formatHours} />
                </td>
                <td className={TD}>
                  <Bounded entry={e} />
                </td>
                {!ranked && (
                  <td className={`${TD} min-w-48`}>{whyAll(e.why) ?? e.reason ?? t('leaderboard.noReason')}</td>
                )}
                <td className={`${TD} whitespace-nowrap`}>
                  <time dateTime={e.date}>{formatDate(e.date)}</time>
                </td>
                <td className={TD}>
                  <Link
                    href={`/replay/${encodeURIComponent(e.id)}`}
                    className="inline-flex min-h-11 items-center font-semibold text-blue-800 underline underline-offset-2"
                  >
                    {t('leaderboard.replay')}
                    <span className="sr-only">{t('leaderboard.replayOf', { names })}</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
