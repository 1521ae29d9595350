/** English messages of the debrief (/debrief/:code, and the leaderboard's replays). */
export const debrief = {
  'debrief.title': 'Debrief {code}',
  'debrief.link': 'Debrief (new tab)',
  'debrief.heading': 'Debrief: {title}',
  'debrief.loading': 'Loading the debrief…',
  'debrief.status.over': 'The game is over after {rounds} rounds.',
  'debrief.status.running': 'The game is still running: {rounds} of {total} rounds played so far.',
  'debrief.players': '{n} workshops; {humans} run by people ({names}), the others by bots.',
  'debrief.players.none': '{n} workshops, all run by bots.',
  'debrief.bc':
    'Critical bin of this network and trouble: B_c = {bc} hours (± {se}). Below it, delays pile up; above it, they stay local.',
  'debrief.bcUnknown':
    'This network has no published critical bin: the phase diagram below estimates it from a simulation.',
  'debrief.noRounds':
    'No round has been played yet: the replay, the chains and the charts appear after the first round.',
  'debrief.autopilot': 'autopilot',
  'debrief.stoppedBy': 'line stopped by {name}',
  'debrief.yes': 'yes',
  'debrief.no': 'no',

  'debrief.noSeat.title': 'This browser has no seat in this session',
  'debrief.noSeat.text':
    'The debrief of {code} opens for the facilitator and for the players of the session, in the browser they played in.',
  'debrief.noSeat.join': 'Join the session',
  'debrief.notOver.title': 'The debrief opens when the game is over',
  'debrief.notOver.text':
    'During play the debrief would show every workshop’s hidden state. Come back when the facilitator ends the game.',
  'debrief.notStarted.title': 'The game has not started yet',
  'debrief.notStarted.text':
    'There is nothing to debrief before the first round. Start the game from the facilitator view.',
  'debrief.unauthorised.title': 'The server did not accept this browser’s seat',
  'debrief.unauthorised.text':
    'The seat stored in this browser does not belong to this session any more. Open the debrief from the browser you played in.',
  'debrief.missing.title': 'There is no such session',
  'debrief.missing.text': 'Check the code: the session may have been removed from the server.',
  'debrief.failed.title': 'The debrief could not be loaded',
  'debrief.failed.text': 'The server answered with an error ({status}). Try again in a moment.',
  'debrief.back.board': 'Back to my board',
  'debrief.back.facilitator': 'Back to the facilitator view',

  'debrief.claims.title': 'What this game can show',
  'debrief.claims.small': 'Small bins expose problems: the lateness chart.',
  'debrief.claims.spread': 'Below the critical bin, a crisis spreads to the whole network: the replay.',
  'debrief.claims.local': 'Local fixes can make the whole worse: cost against fragility.',
  'debrief.claims.global': 'A global view is needed: the blame chain.',
  'debrief.claims.phase': 'The critical bin is a cliff, not a slope: the phase diagram.',
  'debrief.claims.whatIf': 'The same dice with other bins: the counterfactual replays.',
  'debrief.claim': 'Claim:',
  'debrief.claim.spread':
    'Below the critical bin, crises spread to the whole network: follow the black arrows from one line stop to the next.',
  'debrief.claim.global':
    'A global view is needed: the trouble that stopped a line often started several workshops away, out of its sight.',
  'debrief.claim.cliff':
    'Small bins expose problems: when the mean bin falls below the critical bin, lateness climbs round after round.',
  'debrief.claim.phase':
    'Below the critical bin lateness grows without limit; above it, it stays bounded. Where were our bins?',
  'debrief.claim.local':
    'Local fixes can make the whole worse: a workshop that saves on stock pays less rent, but its line stops reach its customers.',
  'debrief.claim.whatIf':
    'One workshop’s bigger bin protects itself; bins above the critical bin everywhere protect the network. Compare on the same dice.',

  'debrief.replay.title': 'Replay of the cascade',
  'debrief.replay.help':
    'Each circle is a workshop, with its lateness in hours written inside. Choose a workshop on the map or in the list beside it to see its blame chain.',
  'debrief.replay.summary':
    'After round {round}: mean lateness {lateness} hours, mean bin {bin} hours; {stops} of {n} lines stopped, {arrows} of them by a late supplier (arrows).',
  'debrief.replay.play': 'Play',
  'debrief.replay.pause': 'Pause',
  'debrief.replay.back': 'One round back',
  'debrief.replay.forward': 'One round forward',
  'debrief.replay.shown': 'Round {round} of {total}',
  'debrief.replay.scrubber': 'Round shown',
  'debrief.replay.legendChain': 'blame chain (blue ring with its step number, blue dashes)',
  'debrief.replay.table': 'Every workshop after round {round}',

  'debrief.col.round': 'Round',
  'debrief.col.workshop': 'Workshop',
  'debrief.col.lateness': 'Late (h)',
  'debrief.col.trouble': 'Own trouble (h)',
  'debrief.col.inherited': 'Inherited (h)',
  'debrief.col.lineStop': 'Line stop',

  'debrief.blame.title': 'Blame chain',
  'debrief.blame.choose': 'Workshop whose lateness after round {round} to trace',
  'debrief.blame.none': 'Choose a workshop…',
  'debrief.blame.help':
    'The chain follows the supplier that broke a bin, a round earlier each step, back to a lateness that was nobody’s but its own. Scrub the replay to trace another round.',
  'debrief.blame.caption': 'Blame chain of {name} after round {round}',
  'debrief.blame.step': 'Step',
  'debrief.blame.origin':
    'The chain goes back {steps} steps to {name} in round {round}: its own trouble of {trouble} hours, with no bin broken, started it.',
  'debrief.blame.own': 'The line of {name} did not stop in round {round}: its lateness was its own trouble.',

  'debrief.trend.title': 'Lateness over rounds',
  'debrief.trend.summary':
    'Over {rounds} rounds mean lateness went from {first} to {last} hours; on average {breach}% of the lines stopped each round.',
  'debrief.trend.below': 'In {below} of {rounds} rounds the mean bin was below the critical bin of {bc} hours.',
  'debrief.trend.shown': 'round shown in the replay ({round})',

  'debrief.phase.title': 'Phase diagram of this network',
  'debrief.phase.help':
    'The lab simulates this network and trouble at many bin sizes, everyone holding the same bin, and measures how fast lateness grows per round. It runs in your browser.',
  'debrief.phase.size': 'Simulation',
  'debrief.phase.size.quick': 'Quick ({points} bin sizes, {replicas} runs each)',
  'debrief.phase.size.precise': 'Precise ({points} bin sizes, {replicas} runs each)',
  'debrief.phase.run': 'Compute the phase diagram',
  'debrief.phase.again': 'Compute it again',
  'debrief.phase.cancel': 'Stop',
  'debrief.phase.progress': 'Simulating: {percent}%',
  'debrief.phase.done': 'Done: {points} bin sizes simulated.',
  'debrief.phase.error': 'The simulation failed: {error}',
  'debrief.phase.bad': 'This network cannot be simulated: {error}',
  'debrief.phase.summary':
    'Growth of lateness per round against the bin, at {points} bin sizes, with the critical bin and the table’s bins marked.',
  'debrief.phase.xAxis': 'Bin (hours of cover, the same for everyone)',
  'debrief.phase.bcLabel': 'B_c {bc}',
  'debrief.phase.legend.growth': 'growth of lateness (hours per round, ± one standard error)',
  'debrief.phase.legend.bc': 'critical bin B_c',
  'debrief.phase.legend.bcEstimate': 'critical bin B_c, estimated where the growth reaches zero',
  'debrief.phase.legend.held': 'the table’s mean bin in each round (ticks) and over the game (triangle)',
  'debrief.phase.below':
    'The table held {held} hours on average, below the critical bin of {bc} hours: in this region delays pile up.',
  'debrief.phase.above':
    'The table held {held} hours on average, above the critical bin of {bc} hours: in this region delays stay local.',
  'debrief.phase.noBc':
    'Lateness grew at every bin size simulated (or at none), so the critical bin lies outside this range.',
  'debrief.phase.table': 'Numbers per bin size',
  'debrief.phase.col.bin': 'Bin (h)',
  'debrief.phase.col.growth': 'Growth (h per round)',
  'debrief.phase.col.breach': 'Line stops',

  'debrief.fragility.title': 'Cost against fragility',
  'debrief.fragility.measure': 'Fragility measured as',
  'debrief.fragility.spread': 'share of rounds its lateness stopped a customer’s line',
  'debrief.fragility.breachRate': 'share of rounds its own line stopped',
  'debrief.fragility.cost': 'Cost: rent + penalties (coins)',
  'debrief.fragility.summary':
    'Scatter of {n} workshops: cost in coins against fragility; people as labelled squares, bots as numbered circles. The numbers are in the table below.',
  'debrief.fragility.human': 'a person’s workshop (square, with the name)',
  'debrief.fragility.bot': 'a bot’s workshop (open circle, with its number)',
  'debrief.fragility.botShort': 'bot',
  'debrief.fragility.table': 'Cost and fragility of every workshop',
  'debrief.fragility.col.meanBin': 'Mean bin (h)',
  'debrief.fragility.col.rent': 'Rent',
  'debrief.fragility.col.penalty': 'Penalties',
  'debrief.fragility.col.cost': 'Cost',
  'debrief.fragility.col.lineStops': 'Line stops',
  'debrief.fragility.col.spread': 'Spread to others',

  'debrief.whatIf.heading': 'What if? The same dice, other bins',
  'debrief.whatIf.help':
    'The server plays the same rounds again with the same dice and shocks, with the decisions changed, and draws the result beside the real game.',
  'debrief.whatIf.choose': 'Replay the game with',
  'debrief.whatIf.bots': 'every workshop run by the bots',
  'debrief.whatIf.uniform': 'every bin at {bin} hours (1.25 × the critical bin of {bc})',
  'debrief.whatIf.uniformUnknown':
    'every bin at 1.25 × the critical bin (compute the phase diagram first to estimate it)',
  'debrief.whatIf.raise': 'the table’s bins, with one workshop’s bins raised',
  'debrief.whatIf.workshop': 'Workshop',
  'debrief.whatIf.bin': 'Its bins at least (hours, 0 to {max})',
  'debrief.whatIf.problem.noBc':
    'The critical bin of this network is not known yet: compute the phase diagram above to estimate it.',
  'debrief.whatIf.problem.bin': 'Type a bin from 0 to {max} hours.',
  'debrief.whatIf.problem.workshop': 'Choose a workshop.',
  'debrief.whatIf.run': 'Replay on the same dice',
  'debrief.whatIf.loading': 'Replaying {rounds} rounds on the same dice…',
  'debrief.whatIf.error': 'The replay failed: {error}',
  'debrief.whatIf.title.bots': 'All bots',
  'debrief.whatIf.title.uniform': 'Every bin at {bin} h',
  'debrief.whatIf.title.raise': '{name} at {bin} h or more',
  'debrief.whatIf.title.actual': 'As played',

  'debrief.compare.heading': 'The real game and “{title}”',
  'debrief.compare.summary': 'Mean lateness over the game: {real} hours as played, {other} hours with “{title}”.',
  'debrief.compare.real': 'As played',
  'debrief.compare.at': 'after round {round}',
  'debrief.compare.map': '{which} after round {round}: mean lateness {lateness} hours.',
  'debrief.compare.noRound': 'No round {round} in this replay.',

  'debrief.questions.title': 'Questions for the discussion',
  'debrief.questions.goal': 'What the scenario is about:',
  'debrief.questions.none': 'This scenario has no questions of its own: start with the claims at the top of the page.',

  'debrief.export.title': 'Export',
  'debrief.export.text':
    'Every round and workshop: {rows} rows ({rounds} rounds × {n} workshops) as CSV for a spreadsheet, or the whole debrief as JSON.',
  'debrief.export.csv': 'Download CSV',
  'debrief.export.json': 'Download JSON',
  'debrief.export.docs':
    'Every column is described below, and in docs/DEBRIEF.md of the source code with the JSON format.',
  'debrief.export.columns': 'What the {count} columns mean',
  // One per column of game/debrief/export.ts CSV_COLUMNS (tests/client/debrief*.test.ts checks).
  'debrief.csv.round': 'Round number (1-based).',
  'debrief.csv.workshop': 'Workshop index (0-based; the numbers other columns use).',
  'debrief.csv.workshop_id': 'Workshop id.',
  'debrief.csv.workshop_name': 'Workshop name.',
  'debrief.csv.player': "Name of the human who held the workshop at the end; empty for a bot's workshop.",
  'debrief.csv.autopilot': '1 when the autopilot (bot policy) took this decision, 0 when a human committed it.',
  'debrief.csv.trouble': 'Own trouble rolled this round (hours), with storms, congestion, delay shocks and help.',
  'debrief.csv.lateness': 'Lateness of the output after this round (hours).',
  'debrief.csv.breached': '1 when a bin ran dry (line stop): the binding supplier was later than its bin covered.',
  'debrief.csv.binding':
    'Index of the binding supplier (largest incoming lateness minus bin; first on ties); -1: none.',
  'debrief.csv.binding_id': 'Id of the binding supplier; empty when none.',
  'debrief.csv.bins': 'Bin per input slot (hours of cover in effect), ";"-joined.',
  'debrief.csv.suppliers': 'Supplier index per input slot, ";"-joined (same order as bins).',
  'debrief.csv.supplier_ids': 'Supplier id per input slot, ";"-joined (same order as bins).',
  'debrief.csv.incoming':
    'Each supplier\'s lateness coming in (its lateness after the round before), per slot, ";"-joined.',
  'debrief.csv.rent': 'Rent paid on the bins this round (coins).',
  'debrief.csv.penalty': 'Lateness penalty paid this round (coins).',
  'debrief.csv.help': 'Index of the workshop a worker was sent to this round; empty: none.',
  'debrief.csv.kaizen': 'Index of the die face kaizen lowered by one hour this round; empty: none.',
  'debrief.csv.round_mean_lateness': 'Mean lateness over all workshops after this round (hours).',
  'debrief.csv.round_breach_rate': 'Share of workshops whose line stopped this round.',
  'debrief.csv.round_mean_bin': 'Mean bin over every input slot of every workshop this round (hours).',
  'debrief.csv.round_total_cost': 'Rent, lateness penalties and commuting of all workshops this round (coins).',
} as const;
