/**
 * Why the game refuses something, as data: every rule the game enforces (decisions D1-D6,
 * council votes C2, shocks F3, the facilitator's moves F1-F8) answers `Refusal | null` (or a
 * `Result` whose error is a `Refusal`). `refusalText` words a refusal in English for logs, the
 * CLI and tests; the client words it in the reader's language (client/i18n/en/refusals.ts, one
 * message per code, checked complete by the compiler).
 */

export type Refusal =
  // D1-D2: one bin
  | { readonly code: 'bin.notNumber' }
  | { readonly code: 'bin.negative' }
  | { readonly code: 'bin.belowFloor'; readonly floor: number }
  | { readonly code: 'bin.tooHigh'; readonly max: number }
  // D3: kaizen
  | { readonly code: 'kaizen.off' }
  | { readonly code: 'kaizen.noDie' }
  | { readonly code: 'kaizen.face' }
  | { readonly code: 'kaizen.faceAtZero' }
  | { readonly code: 'kaizen.points'; readonly cost: number }
  // D4: help
  | { readonly code: 'help.off' }
  | { readonly code: 'help.choose' }
  | { readonly code: 'help.notNeighbour' }
  | { readonly code: 'help.noWorker' }
  | { readonly code: 'help.coins'; readonly cost: number }
  // D5: suppliers
  | { readonly code: 'suppliers.count'; readonly count: number }
  | { readonly code: 'suppliers.notOffered'; readonly input: number }
  | { readonly code: 'suppliers.off' }
  | { readonly code: 'suppliers.twice' }
  // D6: a whole commit
  | { readonly code: 'commit.council' }
  | { readonly code: 'commit.notPlaying' }
  | { readonly code: 'commit.wrongRound'; readonly round: string; readonly current: number }
  | { readonly code: 'commit.facilitator' }
  | { readonly code: 'commit.noWorkshop' }
  | { readonly code: 'commit.already' }
  | { readonly code: 'commit.notObject' }
  | { readonly code: 'commit.unknownField'; readonly field: string }
  | { readonly code: 'commit.otherRound' }
  | { readonly code: 'commit.binsCount'; readonly count: number }
  // C2: a council vote
  | { readonly code: 'vote.noCouncil' }
  | { readonly code: 'vote.wrongRound'; readonly round: number }
  | { readonly code: 'vote.noVoter' }
  | { readonly code: 'vote.already' }
  | { readonly code: 'vote.kind' }
  | { readonly code: 'vote.fields'; readonly kind: 'floor' | 'budget'; readonly fields: string }
  | { readonly code: 'vote.notNumber' }
  | { readonly code: 'vote.range'; readonly max: number }
  // F3: shocks
  | { readonly code: 'shock.notRunning' }
  | { readonly code: 'shock.notObject' }
  | { readonly code: 'shock.kind' }
  | { readonly code: 'shock.fields'; readonly kind: string; readonly fields: string }
  | { readonly code: 'shock.chooseWorkshop' }
  | { readonly code: 'shock.delayHours'; readonly max: number }
  | { readonly code: 'shock.stormRegion' }
  | { readonly code: 'shock.stormRounds'; readonly max: number }
  | { readonly code: 'shock.stormExtra'; readonly max: number }
  | { readonly code: 'shock.spotLinks' }
  | { readonly code: 'shock.twoWorkshops' }
  | { readonly code: 'shock.noLink' }
  | { readonly code: 'shock.lastSupplier' }
  | { readonly code: 'shock.alreadyOpen' }
  // F1-F9: the facilitator's other moves
  | { readonly code: 'facilitator.only' }
  | { readonly code: 'facilitator.notSetup' }
  | { readonly code: 'facilitator.notRunning' }
  | { readonly code: 'facilitator.wrongRound'; readonly round: string; readonly current: number }
  | { readonly code: 'facilitator.paused' }
  | { readonly code: 'facilitator.notPaused' }
  | { readonly code: 'facilitator.councilCalled' }
  | { readonly code: 'facilitator.lastRound' }
  | { readonly code: 'facilitator.notBoolean' }
  | { readonly code: 'facilitator.seats' }
  | { readonly code: 'facilitator.clock' };

export type RefusalCode = Refusal['code'];

/** The refusal with this code (its parameters). */
export type RefusalOf<C extends RefusalCode> = Extract<Refusal, { code: C }>;

/** English text per code: a `Record`, so a new code without its text does not compile. */
const TEXT: { readonly [C in RefusalCode]: (r: RefusalOf<C>) => string } = {
  'bin.notNumber': () => 'a bin must be a number of hours',
  'bin.negative': () => 'a bin cannot be negative',
  'bin.belowFloor': (r) => `the council's floor is ${r.floor} hours`,
  'bin.tooHigh': (r) => `a bin can cover at most ${r.max} hours`,
  'kaizen.off': () => 'kaizen is not part of this scenario',
  'kaizen.noDie': () => 'kaizen needs a trouble die',
  'kaizen.face': () => 'choose a face of your die',
  'kaizen.faceAtZero': () => 'that face is already 0',
  'kaizen.points': (r) => `lowering a face costs ${r.cost} improvement points`,
  'help.off': () => 'moving workers is not part of this scenario',
  'help.choose': () => 'choose a neighbouring workshop',
  'help.notNeighbour': () => 'workers can only help a direct supplier or customer',
  'help.noWorker': () => 'you have no worker to send',
  'help.coins': (r) => `sending a worker costs ${r.cost} coins`,
  'suppliers.count': (r) => `choose one supplier for each of your ${r.count} inputs`,
  'suppliers.notOffered': (r) => `input ${r.input}: that supplier is not on offer`,
  'suppliers.off': () => 'supplier choice is not part of this scenario',
  'suppliers.twice': () => 'two inputs cannot come from the same supplier',
  'commit.council': () => 'the council is voting',
  'commit.notPlaying': () => 'the game is not in a round',
  'commit.wrongRound': (r) => `this decision is for round ${r.round}, but round ${r.current} is being played`,
  'commit.facilitator': () => 'the facilitator does not hold a workshop',
  'commit.noWorkshop': () => 'this seat holds no workshop',
  'commit.already': () => 'you have already committed this round',
  'commit.notObject': () => 'a decision is an object with round and bins',
  'commit.unknownField': (r) => `unknown field "${r.field}" in the decision`,
  'commit.otherRound': () => 'the decision is for another round',
  'commit.binsCount': (r) => `give one bin for each of your ${r.count} inputs`,
  'vote.noCouncil': () => 'no council is sitting',
  'vote.wrongRound': (r) => `the council sits before round ${r.round}`,
  'vote.noVoter': () => 'only seats holding a workshop vote',
  'vote.already': () => 'you have already voted',
  'vote.kind': () => 'vote for {"kind": "floor", "bin"}, {"kind": "budget", "total"} or "none"',
  'vote.fields': (r) => `a ${r.kind} vote has only ${r.fields}`,
  'vote.notNumber': () => 'a vote must be a number of hours',
  'vote.range': (r) => `a vote must be from 0 to ${r.max} hours`,
  'shock.notRunning': () => 'shocks need a running game',
  'shock.notObject': () => 'a shock is an object with a kind',
  'shock.kind': () => 'shock kind must be delay, storm, cut or open',
  'shock.fields': (r) => `a ${r.kind} shock has only ${r.fields}`,
  'shock.chooseWorkshop': () => 'choose a workshop',
  'shock.delayHours': (r) => `delay hours must be more than 0 and at most ${r.max}`,
  'shock.stormRegion': () => 'a storm needs a region of workshops',
  'shock.stormRounds': (r) => `a storm lasts 1 to ${r.max} rounds`,
  'shock.stormExtra': (r) => `a storm adds more than 0 and at most ${r.max} hours per roll`,
  'shock.spotLinks': () => 'a spot market redraws its links every round: cut and open do not apply',
  'shock.twoWorkshops': () => 'choose two different workshops',
  'shock.noLink': () => 'there is no such link',
  'shock.lastSupplier': () => 'a workshop keeps at least one supplier',
  'shock.alreadyOpen': () => 'that link is already open',
  'facilitator.only': () => 'only the facilitator may do this',
  'facilitator.notSetup': () => 'the game has already started',
  'facilitator.notRunning': () => 'the game is not running',
  'facilitator.wrongRound': (r) => `this is for round ${r.round}, but round ${r.current} is being played`,
  'facilitator.paused': () => 'the game is already paused',
  'facilitator.notPaused': () => 'the game is not paused',
  'facilitator.councilCalled': () => 'a council is already called',
  'facilitator.lastRound': () => 'no round is left for a council',
  'facilitator.notBoolean': () => 'say on or off (true or false)',
  'facilitator.seats': () => 'name one or more seats that hold a workshop',
  'facilitator.clock': () => 'a deadline and the time left are numbers of milliseconds or null',
};

/** A refusal in English (logs, the CLI, tests). */
export function refusalText<C extends RefusalCode>(r: RefusalOf<C>): string {
  return (TEXT[r.code] as (r: RefusalOf<C>) => string)(r);
}

/** A refusal's parameters (everything but its code), for a translated message's placeholders. */
export function refusalParams(r: Refusal): Readonly<Record<string, string | number>> {
  const { code: _code, ...params } = r;
  return params;
}

/** A predicate's verdict in English: null when accepted, else its refusal's text. */
export function verdictText(verdict: Refusal | null | { ok: true } | { ok: false; error: Refusal }): string | null {
  if (verdict === null || ('ok' in verdict && verdict.ok)) return null;
  return refusalText('ok' in verdict ? verdict.error : verdict);
}
