import { mayCall } from '../../../../contract/endpoint.ts';
import { createUnitEndpoint, tasksEndpoint } from '../../../../contract/follow-up.ts';
import { termMeetingsEndpoint } from '../../../../contract/meetings.ts';
import { registerEndpoint } from '../../../../contract/register.ts';
import type { Role } from '../../../../contract/roles.ts';
import { topicQueueEndpoint } from '../../../../contract/topics.ts';

// The term's pages (/t/:termId/…) and who opens each: the page of an endpoint shows to those who
// may call it, with the roles held in every congress ('*'), as the API decides for term-level
// endpoints. The office opens all five; a unit's staff the follow-up board and the topic queue.

export const TERM_SECTIONS = ['register', 'meetings', 'topics', 'follow-up', 'units'] as const;
export type TermSection = (typeof TERM_SECTIONS)[number];

const SECTION_ENDPOINT = {
  register: registerEndpoint,
  meetings: termMeetingsEndpoint,
  topics: topicQueueEndpoint,
  'follow-up': tasksEndpoint,
  units: createUnitEndpoint,
} as const;

export function termSectionsFor(roles: ReadonlySet<Role>): TermSection[] {
  return TERM_SECTIONS.filter((section) => mayCall(SECTION_ENDPOINT[section], roles));
}

/**
 * Where the home page sends a user straight away: a unit's staff (no other work) to their units'
 * follow-up board; everyone else chooses on the home page (null).
 */
export function termLanding(roles: ReadonlySet<Role>): TermSection | null {
  const staff = [...roles].filter((role) => role !== 'public');
  return staff.length > 0 && staff.every((role) => role === 'unit') ? 'follow-up' : null;
}
