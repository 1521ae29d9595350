/**
 * Counterfactual replays (rule DB2): the rounds played so far, replayed on the same dice and the
 * same facilitator shocks with the decisions changed. Server side for sessions (it needs the seed).
 *
 * How a replay works. The world is rebuilt from the public configuration and the secret (seed,
 * custom network, new road) exactly as the `start` move built it, in a fresh G; then every round
 * of the history is resolved again with `resolveRound`, whose dice come from the stream
 * `seed/round-r/w-i` and so never depend on any decision (R3). Between rounds, a spot market's
 * suppliers are redrawn by the round lifecycle's own `beforeRound` (game/core/round.ts, N3); "all
 * bots" takes its decisions from the lifecycle's `decisionsForRound`, as a round without commits.
 *
 * The decisions played are read back from the history. A round's row holds the bins and
 * suppliers in effect that round (set by the round before, after the council's rule and after that
 * round's cut/open shocks), the worker sent and the die face lowered: so replaying "as played"
 * puts each row's layout in effect and repeats its help and kaizen. `actual` therefore reproduces
 * the history exactly (same records, same `historyDigest`); the tests check it on every scenario.
 */
import { resolveRound } from '../core/resolve';
import { beforeRound, decisionsForRound } from '../core/round';
import { SCENARIOS } from '../core/scenarios';
import { freshState } from '../core/setup';
import type { Decision, G, RoundRecord, Shock } from '../core/types';
import { buildWorld, cutLink, openLink } from '../core/world';
import { ownValue, shown } from '../core/schema';

export type CounterfactualSpec =
  /** Identity: replays the real decisions. */
  | { readonly kind: 'actual' }
  /** Every workshop on autopilot (the scenario's policy), no council. */
  | { readonly kind: 'bots' }
  /** Every bin = bin (every slot, every round, from round 1), other decisions as played. */
  | { readonly kind: 'uniform'; readonly bin: number }
  /** The table's bins, one workshop's raised to at least bin (every round, from round 1). */
  | { readonly kind: 'raise'; readonly workshop: number; readonly bin: number };

/** One round of a (counterfactual) history in brief: what the debrief's charts draw. */
export interface CompactRound {
  readonly round: number;
  readonly meanLateness: number;
  readonly breachRate: number;
  readonly meanBin: number;
  readonly totalCost: number;
  /** Per workshop, by index. */
  readonly lateness: readonly number[];
  readonly breached: readonly (0 | 1)[];
  /** Binding supplier as recorded (the argmax, also without a breach; -1: none). */
  readonly binding: readonly number[];
}

export function compactHistory(history: readonly RoundRecord[]): CompactRound[] {
  return history.map((h) => ({
    round: h.round,
    meanLateness: h.meanLateness,
    breachRate: h.breachRate,
    meanBin: h.meanBin,
    totalCost: h.totalCost,
    lateness: h.workshops.map((w) => w.lateness),
    breached: h.workshops.map((w) => (w.breached ? 1 : 0)),
    binding: h.workshops.map((w) => w.binding),
  }));
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The world as the `start` move built it, in a fresh G (round 1, no history, no council): from
 * g.config and g.secret alone, so the same G always gives the same world.
 */
export function rebuiltWorld(g: G): G {
  const fresh = freshState(clone(g.config), {
    seed: g.secret.seed,
    custom: clone(g.secret.custom),
    newRoad: g.secret.newRoad,
  });
  buildWorld(fresh, g.secret.seed, g.secret.dice);
  fresh.status = 'playing';
  fresh.round = 1;
  return fresh;
}

/**
 * "All bots" needs bots that decide on their own. Mirroring bots (B6, challenges) copy humans, and
 * with none they would keep the starting bins for ever: they play the scenario's own autopilot
 * instead (a custom network: steady at the starting bin).
 */
function botsConfig(world: G): G['config'] {
  const own = SCENARIOS.get(world.config.scenarioId)?.autopilot;
  const autopilot = own && own.name !== 'mirror' ? own : { name: 'steady' as const, param: world.config.startingBin };
  return { ...world.config, autopilot };
}

const SPEC_FIELDS: Readonly<Record<CounterfactualSpec['kind'], readonly string[]>> = {
  actual: ['kind'],
  bots: ['kind'],
  uniform: ['kind', 'bin'],
  raise: ['kind', 'workshop', 'bin'],
};

/** A reason the spec cannot be replayed on this G, or null (the server also checks it). */
export function checkCounterfactualSpec(g: G, spec: unknown): string | null {
  if (typeof spec !== 'object' || spec === null) return 'a spec is an object with a kind';
  const s = spec as Record<string, unknown>;
  const allowed = ownValue(SPEC_FIELDS, s.kind);
  if (!allowed) return 'spec kind must be actual, bots, uniform or raise';
  const extra = Object.keys(s).find((k) => !allowed.includes(k));
  if (extra !== undefined) return `a ${shown(s.kind)} spec has no field "${extra}"`;
  if (allowed.includes('bin') && (typeof s.bin !== 'number' || !(s.bin >= 0 && s.bin <= g.config.maxBin)))
    return `bin must be a number from 0 to ${g.config.maxBin}`;
  if (
    allowed.includes('workshop') &&
    (typeof s.workshop !== 'number' ||
      !Number.isInteger(s.workshop) ||
      s.workshop < 0 ||
      s.workshop >= g.config.workshops)
  )
    return `workshop must be a workshop index from 0 to ${g.config.workshops - 1}`;
  return null;
}

const isMapShock = (s: Shock): s is Extract<Shock, { kind: 'cut' | 'open' }> => s.kind === 'cut' || s.kind === 'open';

/**
 * Apply the round's cut/open shocks to a counterfactual world in order, as resolveRound would,
 * skipping one that no longer applies there (a cut of a link that is not open, an open of a link
 * that is). A cut never removes a workshop's last input (cutLink refuses).
 */
function applyMapShocks(world: G, shocks: readonly Shock[]): void {
  for (const shock of shocks) {
    if (!isMapShock(shock)) continue;
    const w = world.workshops[shock.workshop];
    if (!w || !world.workshops[shock.supplier] || shock.workshop === shock.supplier) continue;
    const linked = w.suppliers.includes(shock.supplier) || w.alternatives.some((a) => a.includes(shock.supplier));
    if (shock.kind === 'cut' && linked) cutLink(world, shock.workshop, shock.supplier);
    else if (shock.kind === 'open' && !linked)
      openLink(world, shock.workshop, shock.supplier, world.config.startingBin);
  }
}

/** Bins of a workshop in a round replayed "as played", with the spec's change. */
function playedBins(spec: CounterfactualSpec, workshop: number, bins: readonly number[]): number[] {
  switch (spec.kind) {
    case 'actual':
    case 'bots':
      return [...bins];
    case 'uniform':
      return bins.map(() => spec.bin);
    case 'raise':
      return workshop === spec.workshop ? bins.map((b) => Math.max(b, spec.bin)) : [...bins];
  }
}

/**
 * The rounds played so far, replayed on the same dice and shocks with the decisions changed.
 * Deterministic: the same G and spec give the same records bit for bit. Each record's `shocks`
 * lists the shocks the facilitator injected that round (in a counterfactual a cut or open may
 * have had no effect). Throws on a spec `checkCounterfactualSpec` refuses.
 */
export function counterfactual(g: G, spec: CounterfactualSpec): RoundRecord[] {
  const bad = checkCounterfactualSpec(g, spec);
  if (bad) throw new Error(`counterfactual: ${bad}`);
  if (g.history.length === 0) return [];
  let world = rebuiltWorld(g);
  if (spec.kind === 'bots' && world.config.autopilot.name === 'mirror') world = { ...world, config: botsConfig(world) };
  const { startingBin } = world.config;
  const records: RoundRecord[] = [];
  for (const [t, played] of g.history.entries()) {
    world.round = played.round;
    // As endOfTurn does before every round after the first (a spot market's redraw, N3).
    if (t > 0) beforeRound(world);
    let decisions: Decision[];
    let autopilot: boolean[];
    if (spec.kind === 'bots') {
      // The autopilot decides on its own view of the counterfactual world, before the round's
      // shocks land (as in the game); its bins and suppliers take effect next round (R1).
      // Nobody has committed in the replayed world, so every decision is the autopilot's.
      ({ decisions, autopilot } = decisionsForRound(world));
      applyMapShocks(world, played.shocks);
    } else {
      // As played: the row's layout is in effect (it already reflects this round's cuts and opens).
      played.workshops.forEach((row, i) => {
        const w = world.workshops[i]!;
        w.suppliers = [...row.suppliers];
        w.bins = playedBins(spec, i, row.bins);
      });
      decisions = played.workshops.map((row, i) => ({
        round: played.round,
        bins: [...world.workshops[i]!.bins],
        kaizenFace: row.kaizen,
        help: row.help,
        suppliers: null,
      }));
      autopilot = played.workshops.map((row) => row.autopilot);
    }
    world.pendingShocks = clone(played.shocks.filter((s) => !isMapShock(s)));
    const resolved = resolveRound(world, decisions, autopilot, startingBin);
    const record: RoundRecord = { ...resolved, shocks: clone(played.shocks) };
    world.history[world.history.length - 1] = record;
    records.push(record);
  }
  return records;
}
