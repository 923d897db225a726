import type { Actor } from '../actor.ts';
import type { ServiceContext } from '../context.ts';
import { type AttendanceOutcome, applyAttendanceAction } from './attendance-change.ts';
import type { DelegateRef } from './delegate-lookup.ts';

export interface DeskScan {
  readonly congressId: string;
  readonly sittingId: string;
  readonly delegate: DelegateRef;
  readonly desk: string;
}

/**
 * 签到: marks the delegate present at the desk. Someone already present is told when and where
 * ("already checked in at 08:31 (desk 2)") and nothing is written. A delegate on leave who turns
 * up after all becomes present (the leave stays in the event history). [Q4] a delegate without a
 * vote is checked in too: they attend, but are not counted as a present elector.
 */
export function checkIn(context: ServiceContext, actor: Actor, scan: DeskScan): Promise<AttendanceOutcome> {
  return applyAttendanceAction(context, actor, { ...scan, action: 'check-in' });
}

/** 签退: a present delegate leaves; someone not checked in is told so and nothing is written. */
export function checkOut(context: ServiceContext, actor: Actor, scan: DeskScan): Promise<AttendanceOutcome> {
  return applyAttendanceAction(context, actor, { ...scan, action: 'check-out' });
}
