// Electronic ballots (issue item 7): casting, sealing at close [B4], publication and receipts,
// progress, the delegate's ballot form, and the ballot source that counting reads.

export { sealElectronicBallots } from '../ballot-seal.ts';
export { myBallot } from './ballot-form.ts';
export { type CheckedBallot, checkElectronicBallot, type ElectronicBallotInput } from './ballot-input.ts';
export { castElectronicBallot } from './cast.ts';
export { electronicBallotSource } from './electronic-ballot-source.ts';
export {
  publishedBallots,
  type Recount,
  recountPublished,
  verifyReceipt,
} from './publication.ts';
export { normaliseReceipt } from './receipt.ts';
export { notYetVoted, votingProgress } from './turnout.ts';
