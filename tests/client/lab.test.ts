/**
 * The lab page's pure pieces: the worker protocol and pool (driven in-process through the same
 * message handler the Web Worker runs), form parsing and validation, results, CSV and JSON
 * export, and the chart scales (log-axis ticks above all).
 */
import { describe, expect, it } from 'vitest';
import '../../game/engine/wasm/index';
import { unwrap } from '../../game/engine/result';
import { criticalPlan, summariseCritical, type SweepPoint } from '../../game/lab/experiments';
import { type ReplicaJob, runReplica } from '../../game/lab/replica';
import { parseNoise } from '../../game/engine/noise';
import { histogramChart, linearTicks, logTicks, powerLabel, sweepChart, thinLabels } from '../../client/lab/charts';
import { CSV_HEADERS, csvField, fileName, labCsv, labJson, toCsv } from '../../client/lab/exportLab';
import {
  type LabFormValues,
  autoSweepRange,
  decimal,
  defaultLabForm,
  niceCeil,
  parseLabForm,
  wholeNumber,
} from '../../client/lab/form';
import { parseFromWorker, parseJob, parseToWorker } from '../../client/lab/protocol';
import { backendOf, criticalFromSweep, summarise, theoryFor } from '../../client/lab/results';
import { type LabWorker, isCancelled, runLabJobs } from '../../client/lab/runJobs';
import { scenarioFromQuery, scenarioTopology, troublePresets } from '../../client/lab/scenarios';
import { handleToWorker } from '../../client/lab/workerCore';
import type { FromWorker, ToWorker } from '../../client/lab/protocol';

const MODEL = { topology: { kind: 'fixed' as const, n: 12, k: 2 }, noise: 'exp:1', spread: 0 };
const jobs = (replicas: number, steps = 300): ReplicaJob[] =>
  unwrap(criticalPlan(MODEL, { seed: 's', replicas, steps, burnIn: 20 }));

/** A worker in this process: messages cross a structured clone, asynchronously, like a real one. */
class FakeWorker implements LabWorker {
  onmessage: LabWorker['onmessage'] = null;
  onerror: LabWorker['onerror'] = null;
  onmessageerror: LabWorker['onmessageerror'] = null;
  terminated = false;
  constructor(private readonly handle: (data: unknown, post: (m: unknown) => void) => void = handleToWorker) {}
  postMessage(message: ToWorker): void {
    const data = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      this.handle(data, (reply) => {
        const copy = structuredClone(reply);
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: copy });
        });
      });
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

function pool(count: number, handle?: (data: unknown, post: (m: unknown) => void) => void) {
  const workers: FakeWorker[] = [];
  const createWorker = () => {
    const w = new FakeWorker(handle);
    workers.push(w);
    return w;
  };
  return { workers, options: { workers: count, createWorker } };
}

const form = (patch: (v: LabFormValues) => LabFormValues = (v) => v) => patch(defaultLabForm());
const parse = (values: LabFormValues, measured: number | null = null) =>
  parseLabForm(values, scenarioTopology, () => measured);
const errorsOf = (values: LabFormValues, measured: number | null = null) => {
  const r = parse(values, measured);
  return r.ok ? {} : r.errors;
};

describe('the lab worker protocol', () => {
  it('accepts a plan’s jobs and rejects malformed ones, naming the field', () => {
    const job = jobs(1)[0]!;
    expect(parseJob(job)).toEqual({ ok: true, value: job });
    expect(parseJob({ ...job, model: { noise: 'exp:1' } })).toMatchObject({ ok: false, error: /job.model/ });
    expect(parseJob({ ...job, replica: 1.5 })).toMatchObject({ ok: false, error: /job.replica/ });
    expect(parseJob({ ...job, steps: 0 })).toMatchObject({ ok: false, error: /job.steps/ });
    expect(parseJob({ ...job, backend: 'gpu' })).toMatchObject({ ok: false, error: /job.backend/ });
    expect(parseToWorker({ type: 'run', id: 0, job })).toMatchObject({ ok: false });
  });

  it('accepts worker answers of the right shape only', () => {
    const result = runReplica(jobs(1)[0]!);
    expect(parseFromWorker({ type: 'result', id: 0, result })).toEqual({
      ok: true,
      value: { type: 'result', id: 0, result },
    });
    expect(parseFromWorker({ type: 'progress', id: 2, steps: 256 })).toMatchObject({ ok: true });
    expect(parseFromWorker({ type: 'error', id: -1, message: 'x' })).toMatchObject({ ok: true });
    expect(parseFromWorker({ type: 'result', id: 0, result: { ...result, growthRate: '1' } })).toMatchObject({
      ok: false,
      error: /growthRate/,
    });
    expect(parseFromWorker({ type: 'result', id: 0, result: { ...result, series: [1, 2] } })).toMatchObject({
      ok: false,
    });
    expect(parseFromWorker({ type: 'done', id: 0 })).toMatchObject({ ok: false, error: /unknown/ });
    expect(parseFromWorker({ type: 'progress', id: -2, steps: 1 })).toMatchObject({ ok: false });
  });

  it('runs a job in the handler with throttled progress, and answers errors with the job id', () => {
    const job = { ...jobs(1, 2000)[0]!, backend: 'js' as const };
    const posted: FromWorker[] = [];
    let clock = 0;
    handleToWorker(
      { type: 'job', id: 7, job },
      (m) => posted.push(m),
      () => (clock += 50),
    );
    const progress = posted.filter((m) => m.type === 'progress');
    // Progress every other chunk of 256 steps (50 ms per call, at most one per 80 ms).
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.length).toBeLessThan(9);
    expect(posted.at(-1)).toEqual({ type: 'result', id: 7, result: runReplica(job) });

    posted.length = 0;
    handleToWorker({ type: 'job', id: 3, job: { ...job, model: { ...job.model, noise: 'exp:-1' } } }, (m) =>
      posted.push(m),
    );
    expect(posted).toEqual([{ type: 'error', id: 3, message: expect.stringMatching(/exp needs a mean/) }]);
    posted.length = 0;
    handleToWorker({ hello: true }, (m) => posted.push(m));
    expect(posted).toEqual([{ type: 'error', id: -1, message: expect.stringMatching(/^bad job message/) }]);
  });
});

describe('runLabJobs', () => {
  it('returns the results in job order with progress up to the total, and stops its workers', async () => {
    const list = jobs(5);
    const { workers, options } = pool(2);
    const seen: [number, number][] = [];
    const results = await runLabJobs(list, (d, total) => seen.push([d, total]), options).results;
    expect(results).toEqual(list.map((job) => runReplica(job)));
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => w.terminated)).toBe(true);
    const total = 5 * 320;
    expect(seen[0]).toEqual([0, total]);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1]![0])).toBe(true);
  });

  it('rejects with the replica’s error and terminates every worker', async () => {
    const list = jobs(3).map((job, i) => (i === 1 ? { ...job, model: { ...job.model, noise: 'nonsense' } } : job));
    const { workers, options } = pool(3);
    await expect(runLabJobs(list, () => {}, options).results).rejects.toThrow(/^replica 1: noise "nonsense"/);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('rejects a malformed answer and a worker that fails to load', async () => {
    const liar = pool(1, (_data, post) => post({ type: 'result', id: 0, result: { replica: 0 } }));
    await expect(runLabJobs(jobs(1), () => {}, liar.options).results).rejects.toThrow(/bad message: result\./);
    const broken = {
      workers: 1,
      createWorker: (): LabWorker => {
        const w = new FakeWorker(() => {});
        setTimeout(() => w.onerror?.({ message: 'SyntaxError: Unexpected token' }));
        return w;
      },
    };
    await expect(runLabJobs(jobs(1), () => {}, broken).results).rejects.toThrow(
      'the lab worker failed: SyntaxError: Unexpected token',
    );
    const missing = {
      createWorker: (): LabWorker => {
        throw new Error('Worker is not defined');
      },
    };
    await expect(runLabJobs(jobs(1), () => {}, missing).results).rejects.toThrow(/could not start: Worker is not/);
  });

  it('cancels: the results reject with LabCancelled and the workers are terminated', async () => {
    const { workers, options } = pool(2);
    const run = runLabJobs(jobs(4, 50_000), () => {}, options);
    run.cancel();
    const outcome = await run.results.then(
      () => 'resolved',
      (e: unknown) => (isCancelled(e) ? 'cancelled' : String(e)),
    );
    expect(outcome).toBe('cancelled');
    expect(workers.every((w) => w.terminated)).toBe(true);
    run.cancel(); // a second cancel is harmless
  });

  it('answers an empty job list at once, without a worker', async () => {
    const { workers, options } = pool(2);
    expect(await runLabJobs([], () => {}, options).results).toEqual([]);
    expect(workers).toHaveLength(0);
  });
});

describe('the lab form', () => {
  it('reads numbers as typed', () => {
    expect(wholeNumber(' 12 ', 2, 100)).toBe(12);
    expect(wholeNumber('1.5', 0, 9)).toBeNull();
    expect(wholeNumber('101', 2, 100)).toBeNull();
    expect(decimal('1,5', 0, 9)).toBe(1.5);
    expect(decimal('2e-1', 0, 9)).toBe(0.2);
    expect(decimal('-1', 0, 9)).toBeNull();
    expect(decimal('abc', 0, 9)).toBeNull();
    expect([0.27, 0.5, 3, 7, 10].map(niceCeil)).toEqual([0.5, 0.5, 5, 10, 10]);
  });

  it('turns the defaults into the critical plan of a fixed K = 2, N = 12 network', () => {
    const r = parse(form());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.request).toMatchObject({
      experiment: 'critical',
      scenario: null,
      model: MODEL,
      run: { seed: '1', replicas: 8, steps: 2000, burnIn: 100 },
      n: 12,
      k: 2,
    });
    expect(r.jobs).toEqual(unwrap(criticalPlan(MODEL, r.request.run)));
  });

  it('says per field what is wrong', () => {
    const m = (patch: Partial<LabFormValues['model']>) => form((v) => ({ ...v, model: { ...v.model, ...patch } }));
    expect(errorsOf(m({ n: '1' }))).toEqual({ n: 'Workshops must be a whole number from 2 to 100000.' });
    expect(errorsOf(m({ k: '0' }))).toEqual({ k: 'Inputs per workshop must be a whole number from 1 to 64.' });
    expect(errorsOf(m({ n: '3', k: '3' }))).toEqual({
      k: 'A fixed network of 3 workshops allows at most 2 inputs per workshop (K ≤ N − 1).',
    });
    expect(errorsOf(m({ topology: 'spot-any', n: '3', k: '5' }))).toEqual({});
    expect(errorsOf(m({ topology: 'ring', k: 'ignored' }))).toEqual({});
    expect(errorsOf(m({ trouble: 'custom', customTrouble: ' ' }))).toEqual({
      trouble: 'Type a trouble spec, for example exp:1 or faces:0,0,0,1,1,2!',
    });
    expect(errorsOf(m({ trouble: 'custom', customTrouble: 'faces:0!' })).trouble).toMatch(
      /^noise "faces:0!": face 1 explodes but is 0/,
    );
    expect(errorsOf(m({ spread: '-1' }))).toEqual({ spread: 'Bin spread must be a number of hours from 0 to 1000.' });
    expect(errorsOf(m({ source: 'scenario', scenario: '' }))).toEqual({ scenario: 'Choose a scenario.' });
    expect(errorsOf(m({ source: 'scenario', scenario: 'atlantis' }))).toEqual({ scenario: 'Choose a scenario.' });
    const run = form((v) => ({
      ...v,
      seed: '',
      runs: { ...v.runs, critical: { replicas: '0', steps: 'x', burnIn: '-1' } },
    }));
    expect(Object.keys(errorsOf(run)).sort()).toEqual(['burnIn', 'replicas', 'seed', 'steps']);
  });

  it('takes a scenario’s network from the debrief’s scenarioLabModel, with the trouble typed', () => {
    const r = parse(
      form((v) => ({ ...v, model: { ...v.model, source: 'scenario', scenario: 'new-road', trouble: 'd6' } })),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.request.scenario).toBe('new-road');
    expect(r.request.model.topology).toEqual(scenarioTopology('new-road'));
    expect(r.request.model.topology.kind).toBe('custom');
    expect(r.request.model.noise).toBe('d6');
    expect(scenarioTopology('two-inputs')).toEqual({ kind: 'fixed', n: 12, k: 2 });
  });

  it('fills a blank sweep range from the trouble and checks a typed one', () => {
    expect(autoSweepRange(unwrap(parseNoise('exp:1')), 2, 0)).toEqual({ from: 0, to: 4.5, step: 0.5 });
    const sweep = (s: Partial<LabFormValues['sweep']>, spread = '0') =>
      form((v) => ({
        ...v,
        experiment: 'sweep',
        sweep: { ...v.sweep, ...s },
        model: { ...v.model, spread },
      }));
    const auto = parse(sweep({}));
    expect(auto.ok && auto.request.sweep).toEqual({ from: 0, to: 4.5, step: 0.5 });
    expect(auto.ok && auto.jobs.length).toBe(10 * 4);
    const typed = parse(sweep({ from: '1', to: '2', step: '0,25' }));
    expect(typed.ok && typed.jobs.map((j) => j.buffer)).toEqual([
      1, 1, 1, 1, 1.25, 1.25, 1.25, 1.25, 1.5, 1.5, 1.5, 1.5, 1.75, 1.75, 1.75, 1.75, 2, 2, 2, 2,
    ]);
    expect(errorsOf(sweep({ from: '2', to: '1' }))).toEqual({
      sweepTo: 'The last bin must be at least the first (2 h).',
    });
    expect(errorsOf(sweep({ step: '0' }))).toEqual({ sweepStep: 'Type a step in hours above 0 (at most 1000).' });
    expect(errorsOf(sweep({ from: '0', to: '100', step: '0.1' }))).toEqual({
      sweepStep: 'That is 1001 bins; at most 200. Use a larger step.',
    });
    expect(errorsOf(sweep({ from: '0.5', to: '3', step: '0.5' }, '1'))).toEqual({
      sweepFrom: 'With a bin spread of 1 h, the sweep must start at 1 h or more (no bin below 0).',
    });
  });

  it('needs an avalanche bin, or a measured critical buffer to put it 10% above', () => {
    const aval = (bin: string) => form((v) => ({ ...v, experiment: 'avalanches', bin }));
    expect(errorsOf(aval(''))).toEqual({ bin: 'Type a bin, or measure the critical buffer of this network first.' });
    const measured = parse(aval(''), 1.96);
    expect(measured.ok && measured.request.bin).toBe(2.156);
    expect(measured.ok && measured.jobs.every((j) => j.keepSeries && j.buffer === 2.156)).toBe(true);
    expect(errorsOf(aval('x'))).toEqual({ bin: 'Type a bin in hours from 0 to 1000.' });
    const big = form((v) => ({
      ...v,
      experiment: 'avalanches',
      bin: '2',
      runs: { ...v.runs, avalanches: { replicas: '20', steps: '1000000', burnIn: '0' } },
    }));
    expect(errorsOf(big)).toEqual({
      steps: 'Avalanches keep every step: replicas × steps may be at most 10,000,000. Use fewer replicas or steps.',
    });
  });
});

describe('lab results and their export', () => {
  const runOf = (values: LabFormValues, measured: number | null = null) => {
    const r = parse(values, measured);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return summarise(
      r.request,
      r.jobs.map((job) => runReplica(job)),
      1.5,
    );
  };

  it('exports the critical buffer’s replica estimates as CSV, and everything as JSON', () => {
    const result = runOf(
      form((v) => ({ ...v, runs: { ...v.runs, critical: { replicas: '3', steps: '500', burnIn: '10' } } })),
    );
    if (result.experiment !== 'critical') throw new Error('critical expected');
    const lines = labCsv(result).split('\r\n');
    expect(lines[0]).toBe(CSV_HEADERS.critical.join(','));
    expect(lines.slice(1, -1).map((l) => Number(l.split(',')[1]))).toEqual(result.summary.replicaEstimates);
    expect(lines.at(-1)).toBe('');
    const json = JSON.parse(labJson(result)) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'kanban-cascade-lab/1',
      experiment: 'critical',
      model: MODEL,
      criticalBuffer: result.summary.criticalBuffer,
      theory: null,
    });
    expect(fileName(result, 'csv')).toBe('lab-critical-fixed-k2-n12.csv');
    expect(result.summary).toEqual(
      summariseCritical(unwrap(criticalPlan(MODEL, result.request.run)).map((j) => runReplica(j))),
    );
  });

  it('exports sweep points and avalanches one row each', () => {
    const sweep = runOf(form((v) => ({ ...v, experiment: 'sweep', sweep: { from: '0', to: '3', step: '1' } })));
    if (sweep.experiment !== 'sweep') throw new Error('sweep expected');
    const rows = labCsv(sweep).trim().split('\r\n');
    expect(rows[0]).toBe('buffer,growth_rate,growth_rate_error,breach_rate,mean_delay');
    expect(rows.slice(1).map((r) => Number(r.split(',')[0]))).toEqual([0, 1, 2, 3]);
    const aval = runOf(
      form((v) => ({
        ...v,
        experiment: 'avalanches',
        bin: '2',
        runs: { ...v.runs, avalanches: { replicas: '2', steps: '3000', burnIn: '100' } },
      })),
    );
    if (aval.experiment !== 'avalanches') throw new Error('avalanches expected');
    const arows = labCsv(aval).trim().split('\r\n');
    expect(arows[0]).toBe('replica,start,duration,size');
    expect(arows.length - 1).toBe(aval.summary.count);
    expect(aval.summary.count).toBeGreaterThan(0);
    const json = JSON.parse(labJson(aval)) as { avalanches: unknown[]; durationHistogram: unknown[] };
    expect(json.avalanches).toHaveLength(aval.summary.count);
    expect(json.durationHistogram.length).toBeGreaterThan(0);
  });

  it('quotes CSV fields that need it and writes non-finite numbers as empty', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(0.1)).toBe('0.1');
    expect(toCsv(['x', 'y'], [[1, 'p,q']])).toBe('x,y\r\n1,"p,q"\r\n');
  });

  it('writes an infinite minimising g of bounded trouble as null in JSON', () => {
    const values = form((v) => ({
      ...v,
      model: { ...v.model, topology: 'spot', k: '3', n: '20', trouble: 'custom', customTrouble: 'faces:0,1' },
      runs: { ...v.runs, critical: { replicas: '2', steps: '200', burnIn: '0' } },
    }));
    const result = runOf(values);
    if (result.experiment !== 'critical') throw new Error('critical expected');
    expect(result.theory).toMatchObject({ criticalBuffer: 1, g: Infinity, applies: 'limit' });
    expect((JSON.parse(labJson(result)) as { theory: { g: unknown } }).theory.g).toBeNull();
  });

  it('compares with theory only where it applies', () => {
    const request = (patch: Partial<LabFormValues['model']>) => {
      const r = parse(form((v) => ({ ...v, model: { ...v.model, ...patch } })));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.request;
    };
    expect(theoryFor(request({ topology: 'ring', trouble: 'd6' }))).toMatchObject({
      criticalBuffer: 3.5,
      applies: 'exact',
    });
    expect(theoryFor(request({ topology: 'spot' }))!.criticalBuffer).toBeCloseTo(2.67835, 4);
    expect(theoryFor(request({ topology: 'spot' }))!.applies).toBe('limit');
    expect(theoryFor(request({ topology: 'fixed' }))).toBeNull();
    expect(theoryFor(request({ topology: 'spot', spread: '0.5' }))).toBeNull();
  });

  it('reads B_c off a sweep from the growing points (v = B_c − B below it)', () => {
    const point = (buffer: number, growthRate: number, growthRateError = 0.01): SweepPoint => ({
      buffer,
      growthRate,
      growthRateError,
      breachRate: 0,
      meanDelay: 0,
    });
    expect(criticalFromSweep([point(0, 2), point(1, 1), point(2, 0.001), point(3, 0)])).toBe(2);
    expect(criticalFromSweep([point(3, 0.01), point(4, 0)])).toBeNull();
    expect(criticalFromSweep([point(0, 2), point(1, 0.05, 0.03)])).toBe(2);
    expect(backendOf([])).toBe('none');
    const r = runReplica(jobs(1)[0]!);
    expect(backendOf([r, { ...r, backend: 'js' }])).toBe('mixed');
  });
});

describe('lab scenarios', () => {
  it('offers the paper’s exponential, a plain die and each distinct scenario die', () => {
    const presets = troublePresets();
    expect(presets.map((p) => p.spec)).toEqual([
      'exp:1',
      'd6',
      'faces:0,0,1,1,1,2!',
      'faces:0,0,0,1,1,2!',
      'faces:0,0,1,1,2,3!',
    ]);
    expect(presets.find((p) => p.spec === 'faces:0,0,1,1,2,3!')!.scenarios).toEqual(['Toyota city']);
    expect(scenarioFromQuery('?scenario=two-inputs')?.trouble).toBe('faces:0,0,0,1,1,2!');
    expect(scenarioFromQuery('?scenario=atlantis')).toBeUndefined();
    expect(defaultLabForm(scenarioFromQuery('?scenario=two-inputs')).model).toMatchObject({
      source: 'scenario',
      scenario: 'two-inputs',
      trouble: 'faces:0,0,0,1,1,2!',
    });
  });
});

describe('lab charts', () => {
  it('labels log ticks as powers of ten, plain from 0.001 to 10000', () => {
    expect([-5, -3, -1, 0, 2, 3, 4].map(powerLabel)).toEqual(['10⁻⁵', '0.001', '0.1', '1', '100', '1000', '10⁴']);
  });

  it('puts log ticks at the powers of ten around the data', () => {
    expect(logTicks(1, 1000).map((tk) => tk.value)).toEqual([1, 10, 100, 1000]);
    expect(logTicks(3, 700).map((tk) => tk.label)).toEqual(['1', '10', '100', '1000']);
    expect(logTicks(2e-5, 0.03).map((tk) => tk.label)).toEqual(['10⁻⁵', '10⁻⁴', '0.001', '0.01', '0.1']);
  });

  it('labels at most the asked number of ticks, keeping every tick’s line', () => {
    const ticks = logTicks(1e-5, 1e4);
    expect(ticks).toHaveLength(10);
    const thin = thinLabels(ticks, 6);
    expect(thin.map((tk) => tk.value)).toEqual(ticks.map((tk) => tk.value));
    expect(thin.filter((tk) => tk.label !== '').map((tk) => tk.label)).toEqual(['10⁻⁵', '0.001', '0.1', '10', '1000']);
    expect(thinLabels(ticks.slice(0, 4), 6)).toEqual(ticks.slice(0, 4));
  });

  it('adds 2 and 5 multiples when the data span less than a decade', () => {
    expect(logTicks(3, 7).map((tk) => tk.value)).toEqual([2, 5, 10]);
    expect(logTicks(1, 8).map((tk) => tk.label)).toEqual(['1', '2', '5', '10']);
    expect(logTicks(4, 4).map((tk) => tk.value)).toEqual([2, 5]);
    expect(() => logTicks(0, 10)).toThrow(RangeError);
  });

  it('covers a linear range with 1, 2 or 5 steps', () => {
    expect(linearTicks(0, 4.5, 6).map((tk) => tk.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(linearTicks(0, 2, 5).map((tk) => tk.value)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(linearTicks(-0.3, 1, 5).map((tk) => tk.value)).toEqual([-0.5, 0, 0.5, 1]);
  });

  it('draws the histogram’s non-empty bins on log axes with a guide of the given slope', () => {
    const bins = [
      { from: 1, to: 2, count: 50, density: 0.5 },
      { from: 2, to: 4, count: 0, density: 0 },
      { from: 4, to: 8, count: 10, density: 0.025 },
    ];
    const m = histogramChart(bins, 1.5)!;
    expect(m.bars.map((b) => b.bin.from)).toEqual([1, 4]);
    // Equal widths on a log axis for bins that double.
    expect(m.x(2) - m.x(1)).toBeCloseTo(m.x(8) - m.x(4), 9);
    const [a, b] = m.guide!.split(' ').map((p) => p.slice(1).split(',').map(Number)) as [number[], number[]];
    const slope = (b[1]! - a[1]!) / (b[0]! - a[0]!);
    // Pixel slope of a log-log line of exponent 1.5: 1.5 * (pixels per decade in y / in x).
    const perDecadeX = m.x(10) - m.x(1);
    const perDecadeY = m.y(0.1) - m.y(1);
    expect(slope).toBeCloseTo((1.5 * perDecadeY) / perDecadeX, 1);
    // It passes through the top of the middle non-empty bar (4 to 8, density 0.025).
    const cx = m.x(Math.sqrt(32));
    expect(a[1]! + slope * (cx - a[0]!)).toBeCloseTo(m.y(0.025), 0);
    expect(histogramChart([{ from: 1, to: 2, count: 0, density: 0 }], 1.5)).toBeNull();
  });

  it('marks B_c on the sweep at its bin', () => {
    const points = [0, 1, 2, 3].map((buffer) => ({
      buffer,
      growthRate: Math.max(0, 2 - buffer),
      growthRateError: 0.01,
      breachRate: 0,
      meanDelay: 0,
    }));
    const m = sweepChart(points, 2);
    expect(m.critical!.x).toBeCloseTo(m.x(2), 9);
    expect(m.points.map((p) => p.x)).toEqual([0, 1, 2, 3].map(m.x));
    expect(m.yTicks[0]!.value).toBe(0);
    expect(sweepChart(points, null).critical).toBeNull();
  });
});
