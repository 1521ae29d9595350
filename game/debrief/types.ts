/**
 * The debrief's data: everything a finished (or running) session shows afterwards, as one plain,
 * JSON-serialisable value. Built on the server from the full G (`debriefData`, data.ts); the
 * debrief page, the CSV/JSON export and the challenge leaderboard read only this. docs/DEBRIEF.md.
 */
import type { PublicConfig, RoundRecord, Status } from '../core/types';
import type { LabModelSpec } from '../lab/model';

/** Version tag of the format; a change of shape gets a new number. */
export const DEBRIEF_FORMAT = 'kanban-cascade-debrief/1';

export interface DebriefWorkshop {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  /** Name of the human who held it at the end (null: a bot's workshop). */
  readonly player: string | null;
}

export interface DebriefData {
  readonly format: typeof DEBRIEF_FORMAT;
  readonly config: PublicConfig;
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly story: string;
    readonly learningGoal: string;
    readonly questions: readonly string[];
  };
  readonly status: Status;
  readonly round: number;
  readonly workshops: readonly DebriefWorkshop[];
  /** Every resolved round in full (RoundRecord of game/core/types.ts). */
  readonly history: readonly RoundRecord[];
  /** What the lab simulates for this session's phase diagram: its own network and trouble. */
  readonly lab: LabModelSpec;
  /** Uniform critical buffer of this network and trouble (scenario file, else null). */
  readonly criticalBuffer: { readonly value: number; readonly standardError: number } | null;
}
