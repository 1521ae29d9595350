import { describe, expect, it } from 'vitest';
import { type History, record, replay, stepRecord } from '../../game/engine/history';
import { parseNetworkJson } from '../../game/engine/network';
import { type Noise, parseNoise } from '../../game/engine/noise';
import { unwrap } from '../../game/engine/result';
import { rootStream } from '../../game/engine/rng';
import { type Buffers, type Model, Simulation, uniformBuffers } from '../../game/engine/simulation';
import { type Network, type TopologySpec, buildTopology } from '../../game/engine/topology';
import { applyUpdateRule } from '../../game/engine/updateRule';

const noise = (spec: string): Noise => unwrap(parseNoise(spec));
const generated = (spec: TopologySpec, seed = 'history-net'): Network =>
  unwrap(buildTopology(spec, rootStream(seed).child('network')));

/** A ragged custom network: 8 workshops, in-degrees 1..3, some per-slot buffers in the file. */
const CUSTOM = unwrap(
  parseNetworkJson(
    JSON.stringify({
      workshops: [
        { id: 'w0', suppliers: ['w7', { id: 'w3', buffer: 0.5 }] },
        { id: 'w1', suppliers: ['w0'] },
        { id: 'w2', suppliers: ['w1', 'w0', { id: 'w5', buffer: 2 }] },
        { id: 'w3', suppliers: ['w2'] },
        { id: 'w4', suppliers: [{ id: 'w3', buffer: 1.25 }, 'w1'] },
        { id: 'w5', suppliers: ['w4', 'w6'] },
        { id: 'w6', suppliers: ['w5'] },
        { id: 'w7', suppliers: ['w6', 'w2', 'w4'] },
      ],
    }),
  ),
);

/** The file's per-slot buffers, with `fallback` where the file sets none. */
function customSlots(fallback: number): Float64Array {
  return Float64Array.from(CUSTOM.slotBuffers!, (b) => (Number.isNaN(b) ? fallback : b));
}

function slotsOf(network: Network, value: number): Float64Array {
  return new Float64Array(network.suppliers.length).fill(value);
}

/** Per-slot buffers equal to `base` except that every input of firm `firm` is shifted by `delta`. */
function oneFirmSlots(network: Network, base: Float64Array, firm: number, delta: number): Float64Array {
  const slots = Float64Array.from(base);
  for (let s = network.offsets[firm]!; s < network.offsets[firm + 1]!; s++) slots[s] = base[s]! + delta;
  return slots;
}

const slotBuffers = (slots: Float64Array): Buffers => ({ uniform: Number.NaN, slots });

const NETWORKS: readonly { readonly name: string; readonly network: Network }[] = [
  { name: 'fixed n=30 k=3', network: generated({ kind: 'fixed', n: 30, k: 3 }) },
  { name: 'spot n=30 k=2', network: generated({ kind: 'spot', n: 30, k: 2 }) },
  { name: 'out-regular n=20 k=3', network: generated({ kind: 'out-regular', n: 20, k: 3 }) },
  { name: 'spot-any n=20 k=2', network: generated({ kind: 'spot-any', n: 20, k: 2 }) },
  { name: 'custom ragged n=8', network: CUSTOM.network },
];

describe('[M8] record: the same seed gives the same run', () => {
  const model: Model = { network: generated({ kind: 'spot', n: 25, k: 3 }), noise: noise('exp:1') };

  it('gives identical delay, binding and breach arrays for the same seed', () => {
    const a = record(model, 'seed-1', uniformBuffers(1), 200);
    const b = record(model, 'seed-1', uniformBuffers(1), 200);
    expect(b.delay).toEqual(a.delay);
    expect(b.binding).toEqual(a.binding);
    expect(b.breached).toEqual(a.breached);
    expect(b.tape.noise).toEqual(a.tape.noise);
    expect(b.tape.suppliers).toEqual(a.tape.suppliers);
  });

  it('gives different histories for different seeds', () => {
    const a = record(model, 'seed-1', uniformBuffers(1), 200);
    const b = record(model, 'seed-2', uniformBuffers(1), 200);
    expect(b.delay).not.toEqual(a.delay);
    expect(b.binding).not.toEqual(a.binding);
    expect(b.tape.noise).not.toEqual(a.tape.noise);
  });

  it('lays out steps x firms, stores suppliers only for annealed networks, and starts from zero delays', () => {
    const annealed = record(model, 's', uniformBuffers(1), 7);
    expect(annealed.delay.length).toBe(7 * 25);
    expect(annealed.binding.length).toBe(7 * 25);
    expect(annealed.breached.length).toBe(7 * 25);
    expect(annealed.tape.noise.length).toBe(7 * 25);
    expect(annealed.tape.suppliers?.length).toBe(7 * 25 * 3);
    expect(annealed.tape.initialDelays).toEqual(new Float64Array(25));
    const fixed = record(
      { network: generated({ kind: 'fixed', n: 25, k: 3 }), noise: noise('d6') },
      's',
      uniformBuffers(1),
      7,
    );
    expect(fixed.tape.suppliers).toBeNull();
  });

  it('draws the same dice whatever the bins are', () => {
    const low = record(model, 'dice', uniformBuffers(0), 100);
    const high = record(model, 'dice', uniformBuffers(50), 100);
    expect(high.tape.noise).toEqual(low.tape.noise);
    expect(high.tape.suppliers).toEqual(low.tape.suppliers);
    expect(high.delay).not.toEqual(low.delay);
  });
});

describe('[M9] replay with the same bins reproduces the history bit for bit', () => {
  function expectSameHistory(replayed: History, original: History): void {
    expect(replayed.delay).toEqual(original.delay);
    expect(replayed.binding).toEqual(original.binding);
    expect(replayed.breached).toEqual(original.breached);
  }

  it('for a static (fixed) network', () => {
    const original = record(
      { network: generated({ kind: 'fixed', n: 40, k: 3 }), noise: noise('exp:1') },
      'replay-fixed',
      uniformBuffers(1.2),
      300,
    );
    expect(original.breached.some((b) => b === 1)).toBe(true);
    expectSameHistory(replay(original.tape, uniformBuffers(1.2)), original);
  });

  it('for an annealed (spot) network', () => {
    const original = record(
      { network: generated({ kind: 'spot', n: 40, k: 3 }), noise: noise('exp:1') },
      'replay-spot',
      uniformBuffers(1.2),
      300,
    );
    expect(original.breached.some((b) => b === 1)).toBe(true);
    expectSameHistory(replay(original.tape, uniformBuffers(1.2)), original);
  });

  it('for a custom network with per-slot buffers', () => {
    const buffers = slotBuffers(customSlots(0.75));
    const original = record(
      { network: CUSTOM.network, noise: noise('faces:0,0,0,1,1,2!') },
      'replay-custom',
      buffers,
      300,
    );
    expect(original.breached.some((b) => b === 1)).toBe(true);
    expectSameHistory(replay(original.tape, buffers), original);
  });

  it('from non-zero initial delays', () => {
    const network = generated({ kind: 'fixed', n: 10, k: 2 });
    const initialDelays = Float64Array.from({ length: 10 }, (_, i) => i * 0.5);
    const original = record({ network, noise: noise('exp:1') }, 'replay-initial', uniformBuffers(1), 50, {
      initialDelays,
    });
    expect(original.tape.initialDelays).toEqual(initialDelays);
    expectSameHistory(replay(original.tape, uniformBuffers(1)), original);
    const fromZero = record({ network, noise: noise('exp:1') }, 'replay-initial', uniformBuffers(1), 50);
    expect(fromZero.delay).not.toEqual(original.delay);
  });

  it('for the max-plus system without the positive part', () => {
    const original = record(
      { network: generated({ kind: 'spot', n: 20, k: 2 }), noise: noise('exp:1') },
      'replay-linear',
      uniformBuffers(1),
      100,
      { positivePart: false },
    );
    expect(original.delay.some((d) => d < 0)).toBe(true);
    expectSameHistory(replay(original.tape, uniformBuffers(1), { positivePart: false }), original);
  });
});

describe('[M9] counterfactual bins on the same tape are monotone', () => {
  const NOISES = ['exp:1', 'faces:0,0,0,1,1,2!', 'd6'];
  const STEPS = 250;

  /** Every delay of `lower` is <= the matching delay of `higher`; returns how many differ. */
  function expectDominated(lower: Float64Array, higher: Float64Array): number {
    expect(lower.length).toBe(higher.length);
    let violations = 0;
    let differ = 0;
    for (let e = 0; e < lower.length; e++) {
      if (!(lower[e]! <= higher[e]!)) violations++;
      if (lower[e] !== higher[e]) differ++;
    }
    expect(violations).toBe(0);
    return differ;
  }

  for (const { name, network } of NETWORKS) {
    for (const spec of NOISES) {
      const base = spec === 'd6' ? 4 : 1;
      it(`raising all bins never raises a delay and lowering never lowers one (${name}, ${spec})`, () => {
        const model: Model = { network, noise: noise(spec) };
        const original = record(model, `mono-all-${name}-${spec}`, uniformBuffers(base), STEPS);
        const raised = replay(original.tape, uniformBuffers(base + 0.5));
        const lowered = replay(original.tape, uniformBuffers(base - 0.5));
        const changedUp = expectDominated(raised.delay, original.delay);
        const changedDown = expectDominated(original.delay, lowered.delay);
        expect(changedUp).toBeGreaterThan(0);
        expect(changedDown).toBeGreaterThan(0);
      });

      it(`raising one firm's bins never raises a delay and lowering never lowers one (${name}, ${spec})`, () => {
        const model: Model = { network, noise: noise(spec) };
        const baseSlots = network.kind === 'custom' ? customSlots(base) : slotsOf(network, base);
        const original = record(model, `mono-one-${name}-${spec}`, slotBuffers(baseSlots), STEPS);
        let changed = 0;
        for (const firm of [0, Math.floor(network.n / 2)]) {
          const raised = replay(original.tape, slotBuffers(oneFirmSlots(network, baseSlots, firm, +1)));
          const lowered = replay(original.tape, slotBuffers(oneFirmSlots(network, baseSlots, firm, -0.5)));
          changed += expectDominated(raised.delay, original.delay);
          changed += expectDominated(original.delay, lowered.delay);
        }
        expect(changed).toBeGreaterThan(0);
      });
    }
  }

  it('a uniform bin B and per-slot bins all equal to B give the same delays', () => {
    for (const { network } of NETWORKS) {
      const original = record({ network, noise: noise('exp:1') }, 'uniform-vs-slots', uniformBuffers(0.8), 200);
      const asSlots = replay(original.tape, slotBuffers(slotsOf(network, 0.8)));
      expect(asSlots.delay).toEqual(original.delay);
      expect(asSlots.breached).toEqual(original.breached);
    }
  });
});

describe('stepRecord', () => {
  function expectConsistent(history: History): void {
    const { tape, buffers } = history;
    const { network } = tape;
    const n = network.n;
    for (let t = 0; t < tape.steps; t++) {
      const rec = stepRecord(history, t);
      expect(rec.step).toBe(t + 1);
      expect(rec.noise).toEqual(tape.noise.subarray(t * n, (t + 1) * n));
      const prev = t === 0 ? tape.initialDelays : stepRecord(history, t - 1).delay;
      const next = new Float64Array(n);
      const binding = new Int32Array(n);
      const breached = new Uint8Array(n);
      const breaches = applyUpdateRule(
        {
          prev,
          offsets: network.offsets,
          suppliers: rec.suppliers,
          stride: 0,
          uniformBuffer: buffers.uniform,
          slotBuffers: buffers.slots,
          noise: rec.noise,
          positivePart: true,
        },
        { next, binding, breached },
      );
      expect(rec.delay).toEqual(next);
      expect(rec.binding).toEqual(binding);
      expect(rec.breached).toEqual(breached);
      expect(rec.breached.reduce((a, b) => a + b, 0)).toBe(breaches);
      // the binding supplier is one of this step's suppliers of that firm
      for (let i = 0; i < n; i++) {
        const row = Array.from(rec.suppliers.subarray(network.offsets[i], network.offsets[i + 1]));
        expect(row).toContain(rec.binding[i]);
      }
    }
  }

  it('returns views consistent with the update rule applied to the previous step (annealed network)', () => {
    const history = record(
      { network: generated({ kind: 'spot', n: 15, k: 3 }), noise: noise('exp:1') },
      'views-spot',
      uniformBuffers(1),
      60,
    );
    expectConsistent(history);
    // suppliers are this step's draw from the tape
    expect(stepRecord(history, 3).suppliers).toEqual(history.tape.suppliers!.subarray(3 * 45, 4 * 45));
  });

  it('returns views consistent with the update rule applied to the previous step (static and custom networks)', () => {
    const fixed = record(
      { network: generated({ kind: 'fixed', n: 15, k: 2 }), noise: noise('d6') },
      'views-fixed',
      uniformBuffers(4),
      60,
    );
    expectConsistent(fixed);
    expect(stepRecord(fixed, 5).suppliers).toBe(fixed.tape.network.suppliers);
    const custom = record(
      { network: CUSTOM.network, noise: noise('faces:0,0,0,1,1,2!') },
      'views-custom',
      slotBuffers(customSlots(0.5)),
      60,
    );
    expectConsistent(custom);
  });

  it('returns views, not copies, of the history', () => {
    const history = record(
      { network: generated({ kind: 'ring', n: 5, k: 1 }), noise: noise('exp:1') },
      'views',
      uniformBuffers(1),
      4,
    );
    const rec = stepRecord(history, 2);
    expect(rec.delay.buffer).toBe(history.delay.buffer);
    expect(rec.delay.byteOffset).toBe(2 * 5 * 8);
    expect(rec.delay.length).toBe(5);
  });

  it('rejects steps outside 0..steps-1 and non-integers', () => {
    const history = record(
      { network: generated({ kind: 'ring', n: 5, k: 1 }), noise: noise('exp:1') },
      'range',
      uniformBuffers(1),
      4,
    );
    for (const t of [-1, 4, 1.5, Number.NaN]) expect(() => stepRecord(history, t)).toThrow(RangeError);
    expect(() => stepRecord(history, 3)).not.toThrow();
  });
});

describe('Simulation', () => {
  const cases: readonly {
    readonly name: string;
    readonly network: Network;
    readonly buffers: Buffers;
    readonly noise: string;
  }[] = [
    { name: 'fixed', network: generated({ kind: 'fixed', n: 30, k: 3 }), buffers: uniformBuffers(1), noise: 'exp:1' },
    { name: 'spot', network: generated({ kind: 'spot', n: 30, k: 3 }), buffers: uniformBuffers(1), noise: 'exp:1' },
    {
      name: 'out-regular',
      network: generated({ kind: 'out-regular', n: 30, k: 2 }),
      buffers: uniformBuffers(0.5),
      noise: 'faces:0,0,0,1,1,2!',
    },
    { name: 'ring', network: generated({ kind: 'ring', n: 10, k: 1 }), buffers: uniformBuffers(3), noise: 'd6' },
    { name: 'custom with slot bins', network: CUSTOM.network, buffers: slotBuffers(customSlots(1)), noise: 'exp:1' },
    {
      name: 'custom (ragged) with a uniform bin',
      network: CUSTOM.network,
      buffers: uniformBuffers(0.5),
      noise: 'exp:1',
    },
  ];

  for (const c of cases) {
    it(`gives the same tau sequence and breach counts with record: false as with record: true (${c.name})`, () => {
      const model: Model = { network: c.network, noise: noise(c.noise) };
      for (const positivePart of [true, false]) {
        const full = new Simulation(model, `record-${c.name}`, c.buffers, { record: true, positivePart });
        const fast = new Simulation(model, `record-${c.name}`, c.buffers, { record: false, positivePart });
        let breaches = 0;
        for (let t = 0; t < 300; t++) {
          full.step();
          fast.step();
          expect(fast.tau).toEqual(full.tau);
          expect(fast.lastBreaches).toBe(full.lastBreaches);
          breaches += full.lastBreaches;
        }
        expect(fast.t).toBe(300);
        expect(breaches).toBeGreaterThan(0);
      }
    });
  }

  it('matches the recorded history step by step', () => {
    const model: Model = { network: generated({ kind: 'spot', n: 20, k: 2 }), noise: noise('exp:1') };
    const history = record(model, 'sim-vs-record', uniformBuffers(1), 50);
    const sim = new Simulation(model, 'sim-vs-record', uniformBuffers(1));
    for (let t = 0; t < 50; t++) {
      sim.step();
      expect(sim.tau).toEqual(stepRecord(history, t).delay);
      expect(sim.meanDelay()).toBeCloseTo(sim.tau.reduce((a, b) => a + b, 0) / 20, 12);
    }
  });

  it('accepts a stream as its seed, equivalent to the root stream of that seed', () => {
    const model: Model = { network: generated({ kind: 'spot', n: 10, k: 2 }), noise: noise('exp:1') };
    const a = new Simulation(model, 'as-stream', uniformBuffers(1));
    const b = new Simulation(model, rootStream('as-stream'), uniformBuffers(1));
    for (let t = 0; t < 20; t++) {
      a.step();
      b.step();
    }
    expect(b.tau).toEqual(a.tau);
  });

  it('refuses per-slot bins whose length is not the number of input slots', () => {
    const network = generated({ kind: 'fixed', n: 10, k: 2 });
    expect(() => new Simulation({ network, noise: noise('exp:1') }, 's', slotBuffers(new Float64Array(19)))).toThrow(
      /19 slot buffers for 20/,
    );
  });

  it('refuses initial delays whose length is not the number of firms', () => {
    // Bug report: the constructor copies initialDelays without checking its length. With 2 delays
    // for 4 firms, tau alternates between 4 and 2 entries from step to step and firm 0 silently
    // reads its supplier's delay as undefined (treated as "no input").
    const network = generated({ kind: 'ring', n: 4, k: 1 });
    expect(
      () =>
        new Simulation({ network, noise: noise('exp:1') }, 's', uniformBuffers(1), {
          initialDelays: new Float64Array(2),
        }),
    ).toThrow();
  });
});
