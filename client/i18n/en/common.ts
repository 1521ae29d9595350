/** English messages shared by every screen. */
export const common = {
  'app.title': 'Kanban Cascade',
  'app.tagline': 'A game about production networks, small bins and cascading delays.',
  'app.skip': 'Skip to the content',
  'app.loading': 'Loading…',
  'app.retry': 'Try again',
  'api.network': 'The server cannot be reached. Check the connection and try again.',
  'api.format': 'The server sent an answer this page does not understand. Reload the page and try again.',
  'notFound.title': 'There is no such page',
  'notFound.home': 'Go to the start page',
} as const;
