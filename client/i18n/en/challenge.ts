/** English messages of challenge mode: the challenge page, the leaderboard, the replay, the game-over score. */
export const challenge = {
  // home page
  'challenge.home.title': 'Take the challenge',
  'challenge.home.text':
    'Play alone against bots, or with a table, on fixed published dice: how little stock can the network hold without falling apart?',
  'challenge.home.link': 'See the challenges',
  'challenge.home.labTitle': 'The lab',
  'challenge.home.labText':
    'For organisers and the curious: measure where a network’s cliff lies, sweep bin sizes and watch avalanches.',
  'challenge.home.labLink': 'Open the lab',

  // the challenge page
  'challenge.title': 'Challenge',
  'challenge.intro':
    'Run the network on as little stock as you can, without letting the delays run away. Everyone plays the same dice, so scores compare.',
  'challenge.rules.title': 'How the score works',
  'challenge.rules.score':
    'Score = the mean bin held across the whole network (every input of every workshop, bots included, averaged over the rounds) divided by the critical buffer B_c of the published map, measured with the lab.',
  'challenge.rules.lower':
    'Lower is better. A score of 1.000 is a network that held, on average, exactly the critical buffer.',
  'challenge.rules.bounded':
    'A score counts only if your stock held. The judge runs your network, with each input at its average bin, for thousands of rounds on its own dice: lateness must not keep growing. And your run must not have been later on average than even bins at the critical buffer on your own dice.',
  'challenge.rules.seed':
    'Every challenge has a fixed, published map. The trouble dice are drawn secretly for each attempt, so nobody knows a roll in advance: two attempts with the same bins score the same but may be judged on different luck.',
  'challenge.rules.modes':
    'Play solo: you run one workshop and bots run the others. Host a table: a facilitator and several players, like a session.',
  'challenge.rules.lab': 'Where is the cliff of a network? Measure it in the lab.',
  'challenge.list.title': 'Challenges',
  'challenge.loading': 'Loading the challenges…',
  'challenge.loadFailed': 'The challenges could not be loaded: {message}',
  'challenge.none': 'This server offers no challenges.',
  'challenge.seed': 'Seed',
  'challenge.rounds': 'Rounds',
  'challenge.workshops': 'Workshops',
  'challenge.critical': 'Critical buffer B_c',
  'challenge.criticalUnknown': 'unknown',
  'challenge.best': 'Best score',
  'challenge.bestBy': '{score} by {name}',
  'challenge.noBest': 'nobody yet',
  'challenge.leaderboardLink': 'Leaderboard',
  'challenge.which': ' ({title})',
  'challenge.solo': 'Play solo',
  'challenge.table': 'Host a table',
  'challenge.soloForm': 'Play {title} solo',
  'challenge.name': 'Your name',
  'challenge.name.hint': 'Shown on the leaderboard, 1 to {max} characters.',
  'challenge.error.empty': 'Type a name for the leaderboard.',
  'challenge.error.long': 'A name has at most {max} characters.',
  'challenge.error.characters': 'A name cannot have < or >, or control or invisible characters.',
  'challenge.soloStart': 'Start the challenge',
  'challenge.starting': 'Starting…',
  'challenge.tableForm': 'Host a table for {title}',
  'challenge.players': 'Players',
  'challenge.players.hint': 'People at the table, 1 to {max}. Bots run the other workshops.',
  'challenge.error.players': 'Players must be a whole number from 1 to {max}.',
  'challenge.tableStart': 'Create the table',
  'challenge.creating': 'Creating…',

  // numbers
  'challenge.score': 'Score',
  'challenge.meanBin': 'Mean bin',
  'challenge.hours': '{value} h',

  // the leaderboard
  'leaderboard.title': 'Leaderboard: {title}',
  'leaderboard.sameDice':
    'Everyone on this leaderboard played the same map (the published seed of the challenge), each on dice of their own.',
  'leaderboard.loading': 'Loading the leaderboard…',
  'leaderboard.loadFailed': 'The leaderboard could not be loaded: {message}',
  'leaderboard.notFound': 'There is no challenge called “{scenario}”.',
  'leaderboard.back': 'All challenges',
  'leaderboard.ranked': 'Ranked runs',
  'leaderboard.rankedCaption': 'Ranked runs of {title}, best (lowest) score first',
  'leaderboard.empty': 'No ranked run yet: be the first.',
  'leaderboard.play': 'Play this challenge',
  'leaderboard.invalid': 'Not ranked',
  'leaderboard.invalidText':
    'A run counts only if its stock held (no growing lateness, no later than even bins at the critical buffer), over every round and without shocks. Holding little stock is easy when the delays are allowed to run away, so these scores do not count; each row says why.',
  'leaderboard.invalidCaption': 'Runs of {title} that do not count, lowest score first',
  'leaderboard.col.rank': 'Rank',
  'leaderboard.col.names': 'Played by',
  'leaderboard.col.score': 'Score',
  'leaderboard.col.meanBin': 'Mean bin',
  'leaderboard.col.bounded': 'Stock held',
  'leaderboard.col.reason': 'Why it does not count',
  'leaderboard.col.date': 'Date',
  'leaderboard.col.replay': 'Replay',
  'leaderboard.bounded.yes': 'yes',
  'leaderboard.bounded.yesWhy': 'lateness does not grow',
  'leaderboard.bounded.no': 'no',
  'leaderboard.bounded.noWhy': 'over the cliff, or later than even bins at the critical buffer',
  'leaderboard.bounded.noRounds': 'not measured: no round was played',
  'leaderboard.noReason': 'The server gave no reason.',
  'leaderboard.none': 'none',
  'leaderboard.replay': 'Replay',
  'leaderboard.replayOf': ' ({names})',
  'leaderboard.namesJoin': ', ',
  'leaderboard.noNames': 'nobody joined (bots only)',

  // the replay
  'replay.title': 'Replay',
  'replay.heading': 'Replay: {title}',
  'replay.loading': 'Loading the replay…',
  'replay.loadFailed': 'The replay could not be loaded: {message}',
  'replay.notFound': 'There is no recorded run with this id.',
  'replay.by': 'Played by',
  'replay.date': 'Finished',
  'replay.counted': 'Counts: the stock held.',
  'replay.notCounted': 'Does not count.',
  'replay.leaderboard': 'Back to the leaderboard',

  // the game-over block of a challenge match
  'challenge.over.title': 'Your challenge score',
  'challenge.over.formula': 'Mean bin of the whole network {bin} ÷ critical buffer {bc}. Lower is better.',
  'challenge.over.counted': 'It counts on the leaderboard: your stock held.',
  'challenge.over.judging': 'The judge is checking your run…',
  'challenge.over.judgeFailed': 'The verdict could not be loaded: {message}',
  'challenge.over.retry': 'Try again',
  'challenge.judge.title': 'What the judge measured',
  'challenge.judge.growth':
    'Your network with every input at its average bin, run for {steps} rounds {replicas} times: lateness changes by {rate} ± {error} per round. Above zero by more than twice the ± means the network is over its cliff.',
  'challenge.judge.level':
    'Your network was late {lateness} on average; even bins at the critical buffer ({bin}) would have been late {reference} on the same dice. More than that means stock saved was paid for in lateness.',
  'challenge.over.notCounted': 'It does not count on the leaderboard:',
  'challenge.over.growth':
    'With your average bins the network is over its cliff: lateness grows by {rate} ± {error} per round, more than twice the ± above zero.',
  'challenge.over.lateness':
    'Your network was later on average ({lateness}) than even bins at the critical buffer {bin} on the same dice ({reference}): stock saved was paid for in lateness.',
  'challenge.over.unbounded':
    'Judged by the old rule: lateness kept growing by {slope} per round over rounds {from}-{to}, more than the {threshold} per round it allowed.',
  'challenge.over.seed': 'It was not played on the challenge seed {seed}.',
  'challenge.over.noRounds': 'No round was played.',
  'challenge.over.endedEarly': 'The game ended after {played} of {rounds} rounds.',
  'challenge.over.shocks': 'Shocks were sent (round {rounds}).',
  'challenge.over.leaderboard': 'See the leaderboard',
} as const;
