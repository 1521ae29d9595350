/**
 * English messages: the source language. Every user-facing string of the client lives in one of
 * the area files under en/ (one per screen, so that screens can grow independently).
 */
import { board } from './en/board';
import { challenge } from './en/challenge';
import { common } from './en/common';
import { debrief } from './en/debrief';
import { facilitator } from './en/facilitator';
import { lab } from './en/lab';
import { lobby } from './en/lobby';
import { refusals } from './en/refusals';
import { requestRefusals } from './en/requestRefusals';

export const en = {
  ...common,
  ...lobby,
  ...board,
  ...facilitator,
  ...challenge,
  ...lab,
  ...debrief,
  ...refusals,
  ...requestRefusals,
} as const;

export type MessageKey = keyof typeof en;
