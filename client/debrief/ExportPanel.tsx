/**
 * (8) Export: every round and workshop as CSV (one row per round x workshop) and the whole debrief
 * as JSON (game/debrief/export.ts), saved as files; what every column means, as in docs/DEBRIEF.md.
 */
import type { DebriefData } from '../../game/debrief/types';
import { CSV_COLUMNS, toCsv, toJson } from '../../game/debrief/export';
import { en, type MessageKey } from '../i18n/en';
import { Button } from '../app/ui';
import { t } from '../i18n';
import { downloadText, exportFileName } from './download';
import { Panel } from './Panel';

/** A column's description in the reader's language (the file's own English if a key is missing). */
export function columnDescription(column: { readonly name: string; readonly description: string }): string {
  const key = `debrief.csv.${column.name}`;
  return key in en ? t(key as MessageKey) : column.description;
}

export function ExportPanel({ data, stem }: { readonly data: DebriefData; readonly stem: string }) {
  const rows = data.history.length * data.workshops.length;
  return (
    <Panel id="export" title={t('debrief.export.title')}>
      <p className="mt-2">
        {t('debrief.export.text', { rows, rounds: data.history.length, n: data.workshops.length })}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={() => downloadText(toCsv(data), exportFileName(stem, 'rounds.csv'), 'text/csv;charset=utf-8')}>
          <span aria-hidden="true">⬇</span>
          {t('debrief.export.csv')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => downloadText(toJson(data), exportFileName(stem, 'debrief.json'), 'application/json')}
        >
          <span aria-hidden="true">⬇</span>
          {t('debrief.export.json')}
        </Button>
      </div>
      <p className="mt-3 text-sm text-stone-700">{t('debrief.export.docs')}</p>
      <details className="mt-2">
        <summary className="cursor-pointer font-semibold text-blue-900">
          {t('debrief.export.columns', { count: CSV_COLUMNS.length })}
        </summary>
        <dl className="mt-2 max-h-72 overflow-y-auto text-sm">
          {CSV_COLUMNS.map((c) => (
            <div key={c.name} className="border-b border-stone-100 py-1">
              <dt className="font-mono font-semibold">{c.name}</dt>
              <dd>{columnDescription(c)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </Panel>
  );
}
