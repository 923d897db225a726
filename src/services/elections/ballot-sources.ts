import { electronicBallotSource } from '../ballots/electronic/electronic-ballot-source.ts';
import { paperBallotSource } from '../ballots/paper/paper-ballot-source.ts';
import type { BallotSource } from './ballot-source.ts';

/** The ballots of a round come from the store of its mode. */
export const ballotSources: Record<'paper' | 'electronic', BallotSource> = {
  paper: paperBallotSource,
  electronic: electronicBallotSource,
};
