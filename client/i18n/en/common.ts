/** English messages shared by every screen. */
export const common = {
  'app.title': 'Kanban Cascade',
  'app.tagline': 'A game about production networks, small bins and cascading delays.',
  'landing.what':
    'Each player runs one workshop with Kanban bins and sees only its neighbours. Below a critical bin size, small local hiccups cascade through the whole network.',
  'landing.status':
    'The multiplayer session is being built. The engine and the lab are ready: measure any network’s critical buffer from the command line.',
  'landing.labExample': 'Try: npm run --silent lab -- critical --topology spot --k 2 --n 1000',
  'landing.theory.title': 'Critical buffer of a very large network',
  'landing.theory.k': 'Inputs per workshop (K)',
  'landing.theory.result':
    'With exponential trouble of mean 1 hour, bins below {value} hours let delays grow without bound.',
  'landing.theory.invalid': 'K must be a whole number from 1 to 64.',
} as const;
