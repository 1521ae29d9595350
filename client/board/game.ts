/**
 * The game as its clients see it. The game's `playerView` turns G into a `View`
 * (game/core/view.ts), so a board receives a View as `G`; this only says so to TypeScript.
 */
import type { Game } from 'boardgame.io';
import type { G } from '../../game/core/types';
import type { View } from '../../game/core/view';

export const asViewGame = (game: Game<G>): Game<View> => game as unknown as Game<View>;
