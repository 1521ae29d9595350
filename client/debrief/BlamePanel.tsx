/**
 * (2) The blame chain: choose a workshop (here or on the map) and follow its lateness at the
 * round shown back, binding supplier by binding supplier, to the original trouble. The chain is
 * a table (round, workshop, lateness, own trouble, inherited) and is ringed on the map.
 */
import { useId } from 'react';
import type { BlameLink } from '../../game/debrief/blame';
import { num } from '../board/format';
import { inputClass } from '../app/ui';
import { t } from '../i18n';
import { chainOrigin } from './blame';
import { Panel } from './Panel';

interface BlamePanelProps {
  readonly names: readonly string[];
  readonly round: number;
  readonly chosen: number | null;
  readonly onChoose: (workshop: number | null) => void;
  readonly chain: readonly BlameLink[] | null;
}

export function BlamePanel({ names, round, chosen, onChoose, chain }: BlamePanelProps) {
  const id = useId();
  const name = (i: number) => names[i] ?? String(i + 1);
  const origin = chain ? chainOrigin(chain) : null;
  return (
    <Panel id="blame" title={t('debrief.blame.title')} claim={t('debrief.claim.global')}>
      <label htmlFor={id} className="mt-3 block font-semibold">
        {t('debrief.blame.choose', { round })}
      </label>
      <select
        id={id}
        className={`${inputClass} mt-1`}
        value={chosen ?? ''}
        onChange={(e) => onChoose(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t('debrief.blame.none')}</option>
        {names.map((n, i) => (
          <option key={i} value={i}>
            {n}
          </option>
        ))}
      </select>
      <p className="mt-1 text-sm text-stone-700">{t('debrief.blame.help')}</p>
      {chain && chain.length > 0 && chosen !== null && (
        <>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="text-left font-semibold">
                {t('debrief.blame.caption', { name: name(chosen), round })}
              </caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="p-1">
                    {t('debrief.blame.step')}
                  </th>
                  <th scope="col" className="p-1">
                    {t('debrief.col.round')}
                  </th>
                  <th scope="col" className="p-1">
                    {t('debrief.col.workshop')}
                  </th>
                  <th scope="col" className="p-1 text-right">
                    {t('debrief.col.lateness')}
                  </th>
                  <th scope="col" className="p-1 text-right">
                    {t('debrief.col.trouble')}
                  </th>
                  <th scope="col" className="p-1 text-right">
                    {t('debrief.col.inherited')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {chain.map((link, i) => (
                  <tr key={`${link.round}-${link.workshop}`} className="border-b border-stone-100">
                    <td className="p-1 font-bold text-[#0072B2]">{i + 1}</td>
                    <td className="p-1 tabular-nums">{link.round}</td>
                    <th scope="row" className="p-1 font-normal">
                      {name(link.workshop)}
                      {link.binding >= 0 && (
                        <span className="block text-xs text-stone-600">
                          {t('debrief.stoppedBy', { name: name(link.binding) })}
                        </span>
                      )}
                    </th>
                    <td className="p-1 text-right tabular-nums">{num(link.lateness, 2)}</td>
                    <td className="p-1 text-right tabular-nums">{num(link.trouble, 2)}</td>
                    <td className="p-1 text-right tabular-nums">{num(link.inherited, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {origin && (
            <p className="mt-2" data-testid="blame-origin">
              {chain.length === 1
                ? t('debrief.blame.own', { name: name(origin.workshop), round: origin.round })
                : t('debrief.blame.origin', {
                    name: name(origin.workshop),
                    round: origin.round,
                    trouble: num(origin.trouble, 2),
                    steps: chain.length - 1,
                  })}
            </p>
          )}
        </>
      )}
    </Panel>
  );
}
