/** The frame of every result: heading, what was simulated, which backend ran, the downloads. */
import type { ReactNode } from 'react';
import { Button, Card } from '../app/ui';
import { t } from '../i18n';
import { describeRequest } from './describe';
import { download, fileName, labCsv, labJson } from './exportLab';
import type { LabResult } from './results';

export function ResultFrame({
  result,
  title,
  children,
}: {
  readonly result: LabResult;
  readonly title: string;
  readonly children: ReactNode;
}) {
  const id = `lab-result-${result.experiment}`;
  return (
    <Card labelledBy={id} className="mt-6">
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-stone-700">{describeRequest(result.request)}</p>
      {children}
      <p className="mt-4 text-sm text-stone-700" data-backend={result.backend}>
        {t(`lab.backend.${result.backend}`)}
      </p>
      <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label={t('lab.export.label')}>
        <Button variant="secondary" onClick={() => download(fileName(result, 'csv'), 'text/csv', labCsv(result))}>
          {t('lab.export.csv')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => download(fileName(result, 'json'), 'application/json', labJson(result))}
        >
          {t('lab.export.json')}
        </Button>
      </div>
    </Card>
  );
}
