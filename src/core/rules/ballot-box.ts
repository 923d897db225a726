import type { Mark } from './types.ts';

/**
 * The compact in-memory form of a round's ballots: one byte per candidate mark, so a million
 * ballots of 100 candidates take 100 MB and are counted in one pass.
 * [B4] A ballot here carries no voter, no time and no serial: only its marks.
 */
export const MARK_CODE = { abstain: 0, for: 1, against: 2, unreadable: 3 } as const satisfies Record<
  Mark,
  number
>;

export interface BallotBox {
  readonly candidateCount: number;
  /** Number of ballot records; a record stands for `weights[i]` identical ballots. */
  readonly size: number;
  /** Row-major marks: record i, candidate j at i·candidateCount + j. */
  readonly marks: Uint8Array;
  readonly weights: Float64Array;
  /** [B3] Records the scrutineers declared invalid (e.g. an identifying mark), with the reason. */
  readonly voided: ReadonlyMap<number, string>;
  /** [B1] Names written in and marked "for", per record, as indexes into writeInNames. */
  readonly writeIns: ReadonlyMap<number, readonly number[]>;
  readonly writeInNames: readonly string[];
}

export interface BallotRecord {
  /** Marks in the box's candidate order; a missing entry is an abstention. */
  readonly marks?: ArrayLike<number>;
  readonly writeIns?: readonly string[];
  readonly count?: number;
  readonly void?: string;
}

/** Builds a BallotBox, growing its buffers as ballots are added. */
export class BallotBoxBuilder {
  private marks: Uint8Array;
  private weights: Float64Array;
  private size = 0;
  private readonly voided = new Map<number, string>();
  private readonly writeIns = new Map<number, number[]>();
  private readonly writeInIndex = new Map<string, number>();
  private readonly writeInNames: string[] = [];

  constructor(
    readonly candidateCount: number,
    capacity = 64,
  ) {
    this.marks = new Uint8Array(capacity * candidateCount);
    this.weights = new Float64Array(capacity);
  }

  add(record: BallotRecord): this {
    if (this.size === this.weights.length) this.grow();
    const row = this.size;
    const offset = row * this.candidateCount;
    if (record.marks) {
      const length = Math.min(record.marks.length, this.candidateCount);
      for (let j = 0; j < length; j++) this.marks[offset + j] = record.marks[j] ?? 0;
    }
    this.weights[row] = record.count ?? 1;
    if (record.void !== undefined) this.voided.set(row, record.void);
    if (record.writeIns && record.writeIns.length > 0) {
      this.writeIns.set(
        row,
        record.writeIns.map((name) => this.writeInId(name)),
      );
    }
    this.size += 1;
    return this;
  }

  build(): BallotBox {
    return {
      candidateCount: this.candidateCount,
      size: this.size,
      marks: this.marks.subarray(0, this.size * this.candidateCount),
      weights: this.weights.subarray(0, this.size),
      voided: this.voided,
      writeIns: this.writeIns,
      writeInNames: this.writeInNames,
    };
  }

  private writeInId(name: string): number {
    let id = this.writeInIndex.get(name);
    if (id === undefined) {
      id = this.writeInNames.length;
      this.writeInNames.push(name);
      this.writeInIndex.set(name, id);
    }
    return id;
  }

  private grow(): void {
    const capacity = Math.max(64, this.weights.length * 2);
    const marks = new Uint8Array(capacity * this.candidateCount);
    marks.set(this.marks);
    const weights = new Float64Array(capacity);
    weights.set(this.weights);
    this.marks = marks;
    this.weights = weights;
  }
}

/** Ballots returned: the sum of the records' weights. */
export function ballotsReturned(box: BallotBox): number {
  let returned = 0;
  for (let i = 0; i < box.size; i++) returned += box.weights[i]!;
  return returned;
}
