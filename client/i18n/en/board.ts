/** English messages of the player board. */
export const board = {
  // units
  'board.unit.hours': '{value} h',
  'board.unit.hoursShort': 'hours',
  'board.unit.coin': '{value} coin',
  'board.unit.coins': '{value} coins',
  'board.unit.percent': '{value}%',
  'board.workshopNumber': 'Workshop {n}',

  // top bar and clock
  'board.status.round': 'Round {round} of {total}',
  'board.status.over': 'Game over after {rounds} rounds',
  'board.status.waitingOne': 'Waiting for {count} player',
  'board.status.waitingMany': 'Waiting for {count} players',
  'board.status.toDecision': 'Go to my decision',
  'board.status.offline': 'Connection lost: reconnecting…',
  'board.clock.label': 'Time left in this round: {time}',
  'board.clock.low': 'closing soon',
  'board.clock.paused': 'Paused',
  'board.clock.pausedLeft': 'Paused, {time} left',

  // lateness levels (always with a shape and a number, never colour alone)
  'board.level.onTime': 'on time',
  'board.level.lateBy': '{hours} late',
  'board.level.severe': '(severely late)',

  // announcements for screen readers
  'board.live.round': 'Round {round} of {total} has started.',
  'board.live.autopilot': 'Last round your autopilot decided for you.',
  'board.live.council': 'The planning council sits before round {round}: the whole map is shown; please vote.',
  'board.live.over': 'The game is over. Your final numbers are shown.',
  'board.live.lineStop': 'Line stop in round {round}: one of your bins ran dry.',

  // andon
  'board.andon.on': 'Andon: line stop last round',
  'board.andon.detail':
    'Input {input} from {name} came in {incoming} late, but your bin covered only {bin}: your line stood still waiting for parts.',
  'board.andon.detailShort': 'A bin ran dry waiting for {name}: your line stood still waiting for parts.',
  'board.andon.kaizen': 'The line stop earned you an improvement point.',
  'board.andon.off': 'Andon off: your line ran last round.',
  'board.andon.offFirst': 'Andon off: no round has been played yet.',

  // my workshop
  'board.me.title': 'My workshop: {name}',
  'board.me.latenessNow': 'My output now:',
  'board.me.autopilotLast': 'Autopilot decided last round',
  'board.me.lastRound':
    'Last round: my own trouble added {trouble}; I paid {rent} rent and {penalty} lateness penalty.',
  'board.me.firstRound': 'Nothing has happened yet: this is the first round.',
  'board.me.coins': 'Coins',
  'board.me.lineStops': 'Line stops',
  'board.me.workers': 'Workers',
  'board.me.workersOff': 'stay home in this scenario',
  'board.me.kaizen': 'Kaizen points',
  'board.me.kaizenCost': '{cost} points lower a face',
  'board.me.kaizenOff': 'not used in this scenario',
  'board.me.penalty': 'Every hour my output is late costs {penalty} per round.',

  // trouble die
  'board.die.title': 'My trouble die',
  'board.die.intro': 'Each round I roll one of {count} faces: the hours my own work runs late.',
  'board.die.faces': 'Faces of my trouble die',
  'board.die.faceNumber': 'Face {n}:',
  'board.die.faceHours': '{value} h',
  'board.die.explodes': 'again',
  'board.die.explodeHelp':
    'A dashed face explodes: it adds its hours and the die is rolled again, so no bin is ever perfectly safe.',
  'board.die.exp':
    'My trouble is random each round, {mean} on average (exponential: usually small, now and then large).',

  // bins (the baskets)
  'board.bins.title': 'My bins',
  'board.bins.legendStock': 'stock: hours of cover;',
  'board.bins.legendLast': 'how late parts came in last round;',
  'board.bins.legendNow': 'how late the supplier is now.',
  'board.bins.input': 'Input {input} from {name}',
  'board.bins.binNow': 'bin in effect: {bin}',
  'board.bins.lastOk': 'Last round parts came in {incoming} late; the bin of {bin} covered it.',
  'board.bins.lastOnTime': 'Last round parts came in on time.',
  'board.bins.lastDry': 'Last round parts came in {incoming} late; the bin of {bin} ran dry.',
  'board.bins.ranDry': 'ran dry',
  'board.bins.noHistory': 'No round played yet.',
  'board.bins.nowOnTime': 'This round: the supplier is on time.',
  'board.bins.nowCovered': 'This round: the supplier is {now} late, within the bin in effect.',
  'board.bins.nowShort': 'This round: the supplier is {now} late, {short} more than the bin in effect covers.',
  'board.bins.r1':
    'The bins in effect this round were set last round. What you decide now takes effect next round: stock is built before the lateness it must absorb is known.',

  // my neighbours
  'board.nb.title': 'My suppliers and customers',
  'board.nb.suppliers': 'Suppliers (I need their parts)',
  'board.nb.customers': 'Customers (they need my part)',
  'board.nb.noCustomers': 'Nobody buys from me at the moment.',
  'board.nb.lineStop': 'line stop',
  'board.nb.autopilot': 'autopilot',
  'board.nb.binding': 'binding last round',
  'board.nb.bindingBreached': 'stopped my line',
  'board.nb.bindingSentence':
    'Last round {name} was my binding supplier (the latest one against its bin), and my bin covered it.',
  'board.nb.bindingSentenceBreached': 'Last round {name} was my binding supplier, and its lateness ran my bin dry.',
  'board.nb.privacy': 'You see only your direct neighbours; nobody sees the whole network.',

  // the decision
  'board.decide.title': 'My decision for round {round}',
  'board.decide.r1':
    'The bins you choose take effect next round (the bins of this round were set last round). Rent is paid on the bins in effect.',
  'board.decide.binLabel': 'Bin for input {input} ({name})',
  'board.decide.binLower': 'Lower the bin of input {input} by {step}',
  'board.decide.binRaise': 'Raise the bin of input {input} by {step}',
  'board.decide.covers': 'From next round it covers lateness up to {value}.',
  'board.decide.lastIncoming': 'Last round input {input} came in {incoming} late.',
  'board.decide.lastOnTime': 'Last round input {input} came in on time.',
  'board.decide.noIncoming': 'No round played yet.',
  'board.decide.recentMax': 'At most {max} in the last five rounds.',
  'board.decide.wouldHaveStopped': 'This bin would not have covered last round.',
  'board.decide.floor': "The council's floor: every bin covers at least {floor} hours.",
  'board.cost.rent': 'Rent: {rent} per round',
  'board.cost.rate': 'at this round’s rate of {rate} per hour of cover ({total} h in all).',
  'board.cost.current': 'The bins in effect cost {rent} this round.',
  'board.cost.more': 'Your choice costs {delta} more per round.',
  'board.cost.less': 'Your choice saves {delta} per round.',
  'board.cost.growth': 'Rent rises by {growth} per hour every round: next round it is {next} per hour.',
  'board.cost.invalid': 'Fix the bins above to see the rent.',
  'board.kaizen.legend': 'Kaizen: file one face of my die down by an hour',
  'board.kaizen.help':
    'Costs {cost} improvement points (you have {points}). It works before this round’s roll, for good.',
  'board.kaizen.short': 'Costs {cost} improvement points; you have {points}. Each line stop earns one.',
  'board.kaizen.none': 'No kaizen this round',
  'board.kaizen.face': 'Face {n}: {from} h → {to} h',
  'board.kaizen.faceExploding': 'Face {n}: {from} h → {to} h, rolls again',
  'board.help.legend': 'Send a worker to help a neighbour this round',
  'board.help.help':
    'Costs {cost}; you have {workers} workers. The helped workshop rolls its trouble twice and keeps the better roll; your short-handed line rolls twice and keeps the worse.',
  'board.help.none': 'Keep everyone home',
  'board.help.toSupplier': '{name} (supplier)',
  'board.help.toCustomer': '{name} (customer)',
  'board.suppliers.legend': 'Where my parts come from',
  'board.suppliers.help':
    'Some inputs can come from one of several suppliers; the choice takes effect next round. Two inputs cannot come from the same supplier.',
  'board.suppliers.off': 'Supplier choice is not part of this scenario.',
  'board.suppliers.input': 'Input {input}',
  'board.suppliers.optionSeen': '{name}, now {lateness} late',
  'board.suppliers.optionUnseen': '{name} (not in sight)',
  'board.suppliers.current': '(current)',

  // the commit
  'board.commit.button': 'Commit my decision for round {round}',
  'board.commit.buttonPending': 'Sending…',
  'board.commit.buttonRetry': 'Send again for round {round}',
  'board.commit.buttonDone': 'Committed',
  'board.commit.open': 'You can change everything until you commit. Without a commit, your autopilot decides.',
  'board.commit.fix': 'Fix the marked fields to commit.',
  'board.commit.pending': 'Sent: waiting for the server to confirm your decision.',
  'board.commit.unconfirmed':
    'The server has not confirmed your decision yet. Check your connection, then send it again.',
  'board.commit.done': 'Your decision for round {round} is in.',
  'board.commit.othersOne': 'Waiting for {count} other player.',
  'board.commit.othersMany': 'Waiting for {count} other players.',

  // council
  'board.council.title': 'Planning council before round {round}',
  'board.council.intro':
    'For this round everyone sees the whole map. Vote for a rule for the whole network: the kind with most votes wins, with the middle (median) value of its votes, from the next round on. A tie keeps the current rule.',
  'board.council.ruleNone': 'Current rule: none, every workshop chooses its own bins.',
  'board.council.ruleFloor': 'Current rule: every bin covers at least {bin}.',
  'board.council.ruleBudget': 'Current rule: a shared stock budget of {total}, allocated by the planner.',
  'board.council.legend': 'My vote',
  'board.council.floor': 'A bin floor: every bin at least',
  'board.council.floorValue': 'Bin floor in hours',
  'board.council.budget': 'A shared stock budget over all {slots} inputs of the network:',
  'board.council.budgetValue': 'Stock budget in hours',
  'board.council.budgetMax': 'hours (at most {max})',
  'board.council.none': 'No rule: everyone decides for themselves',
  'board.council.button': 'Cast my vote',
  'board.council.sent': 'Vote cast',
  'board.council.sentHelp': 'Your vote is sent; the council closes when everyone has voted.',
  'board.council.votes': 'Votes so far: {votes}.',

  // map
  'board.map.title': 'The whole network',
  'board.map.intro':
    'Each circle is a workshop with its lateness in hours; arrows run from supplier to customer. Thick dashed arrows are line stops: the supplier that ran a bin dry.',
  'board.map.svgLabel': 'Map of the {count} workshops of the network; the same data is in the table below.',
  'board.map.legend': 'Lightest: on time; then late, very late and severely late (darkest). You: thick black ring.',
  'board.map.asTable': 'The map as a table',
  'board.map.workshop': 'Workshop',
  'board.map.lateness': 'Lateness',
  'board.map.suppliers': 'Suppliers',
  'board.map.state': 'Last round',
  'board.map.lineStop': 'line stop (waiting for {name})',
  'board.map.you': '(you)',
  'board.map.youShort': 'you',

  // history
  'board.history.title': 'My history',
  'board.history.empty': 'Your rounds will be listed here.',
  'board.history.caption': 'My workshop per round: lateness, bins, trouble, line stop and cost',
  'board.history.spark': 'My lateness per round: now {last} hours, at most {max} hours.',
  'board.history.mine': 'my lateness',
  'board.history.table': 'network average',
  'board.history.top': 'top of the chart: {top} h',
  'board.history.round': 'Round',
  'board.history.lateness': 'Late (h)',
  'board.history.bins': 'Bins (h)',
  'board.history.trouble': 'Trouble (h)',
  'board.history.stop': 'Line stop',
  'board.history.stopYes': 'yes',
  'board.history.stopNo': '–',
  'board.history.cost': 'Cost',
  'board.history.auto': 'auto',

  // game over
  'board.over.title': 'Game over',
  'board.over.intro': '{rounds} rounds of “{title}” have been played. These are the final numbers.',
  'board.over.mine': '{name}',
  'board.over.finalLateness': 'Final lateness',
  'board.over.meanLateness': 'Average lateness',
  'board.over.lineStops': 'Line stops',
  'board.over.meanBin': 'Average bin',
  'board.over.rent': 'Rent paid',
  'board.over.penalties': 'Penalties paid',
  'board.over.coins': 'Coins left',
  'board.over.autopilot': 'Rounds on autopilot',
  'board.over.network': 'The whole network',
  'board.over.netFinal': 'Final average lateness',
  'board.over.netMean': 'Average lateness, all rounds',
  'board.over.netBreach': 'Workshops with a line stop, per round',
  'board.over.netBin': 'Average bin held',
  'board.over.below':
    'The network’s critical buffer is {bc}; the table held {bin} on average, below it: below the cliff, small delays grow round after round.',
  'board.over.above':
    'The network’s critical buffer is {bc}; the table held {bin} on average, above it. Above the cliff lateness does not pile up by itself: look at the shocks and runs of bad luck for what happened.',
  'board.over.debrief':
    'The debrief comes after the game: the replay of the cascade, the blame chain of every line stop and what would have happened with other bins, on the same dice.',
  'board.over.debriefLink': 'Open the debrief',
  'board.over.debriefRoom': 'Your facilitator opens it for the room.',

  // before the start
  'board.start.waiting': 'Waiting for the facilitator to start the game. Your workshop is shown when it starts.',
  'board.start.facilitator': 'This is the facilitator’s seat: it holds no workshop.',
  'board.start.noWorkshop': 'This seat holds no workshop in this game.',
  'board.start.rounds': '{rounds} rounds.',
  'board.start.timer': 'Each round lasts up to {seconds} seconds.',
  'board.start.noTimer': 'Rounds have no timer: a round closes when everyone has committed.',
  'board.start.workshops': '{workshops} workshops; every workshop without a player is run by its autopilot.',
  'board.start.costs':
    'Rent {rent} per hour of cover per round; lateness penalty {penalty} per hour; you start with {start}.',
  'board.start.bins': 'Bins start at {bin} and cover at most {max}.',
  'board.start.mechanic.kaizen': 'Kaizen: line stops earn points that file your trouble die down.',
  'board.start.mechanic.workers': 'Workers: send one to help a neighbour for a round.',
  'board.start.mechanic.supplierChoice': 'Supplier choice: some inputs can come from several suppliers.',
  'board.start.mechanic.council': 'Planning council: at set rounds the table votes on a rule for the whole network.',
  'board.start.r1': 'Each round you choose your bins; they take effect the round after.',

  // the /play/:code page
  'board.play.title': 'Play {code}',
  'board.play.noSeat': 'You have no seat in this session yet',
  'board.play.noSeatText': 'This browser holds no seat in session {code}. Join it with your name to get a workshop.',
  'board.play.join': 'Join the session',
  'board.play.connecting': 'Connecting to your workshop…',

  // the development harness (dev.tsx)
  'board.dev.title': 'Player board: local development match',
  'board.dev.seat': 'Seat {seat}',
  'board.dev.seats': 'Show the board of',
  'board.dev.start': 'Start',
  'board.dev.close': 'Close round',
  'board.dev.pause': 'Pause',
  'board.dev.resume': 'Resume',
  'board.dev.clock': 'Timer 60 s',
  'board.dev.end': 'End game',
  'board.dev.facilitator': 'Facilitator controls',
} as const;
