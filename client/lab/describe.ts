/** One line that says what was simulated: the network, trouble, spread and run length. */
import { formatNoise } from '../../game/engine/noise';
import { t } from '../i18n';
import type { LabRequest } from './form';
import { findScenario } from './scenarios';

export function describeRequest(request: LabRequest): string {
  const { model, run } = request;
  const scenario = request.scenario === null ? undefined : findScenario(request.scenario);
  const network = scenario
    ? t('lab.describe.scenario', { title: scenario.title, n: request.n, k: request.k })
    : t('lab.describe.generated', { kind: model.topology.kind, k: request.k, n: request.n });
  return t('lab.describe', {
    network,
    trouble: formatNoise(request.noise),
    spread: model.spread,
    replicas: run.replicas,
    steps: run.steps.toLocaleString('en'),
    burnIn: run.burnIn.toLocaleString('en'),
    seed: run.seed,
  });
}
