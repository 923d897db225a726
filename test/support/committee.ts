import { expect } from 'vitest';
import type { Client } from './http.ts';

// Builds a municipal committee's term through the HTTP API, as the general office would record it:
// the organisation, the term, its members and alternates (in [T6] order by votes), the secretary,
// deputies and standing committee; and who attends its meetings. Used by the meeting tests and
// the seed replays.

export interface CommitteeSpec {
  readonly organisation: { name: string; shortName: string; locality: string };
  readonly term: number;
  readonly startedOn: string;
  /** Every member, secretary, deputies and standing members included. */
  readonly members: readonly string[];
  /** Alternates with the votes that rank them [T6]. */
  readonly alternates: readonly { name: string; votes: number }[];
  readonly secretary: string;
  readonly deputies: readonly string[];
  /** Standing committee members besides the secretary and deputies. */
  readonly standing: readonly string[];
}

export interface RecordedCommittee {
  readonly organisationId: string;
  readonly termId: string;
}

async function ok<T = unknown>(
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
): Promise<T> {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBeLessThan(300);
  return answer.json() as T;
}

export async function recordCommittee(office: Client, spec: CommitteeSpec): Promise<RecordedCommittee> {
  const organisation = await ok<{ id: string }>(
    office.post('/api/organisations', { ...spec.organisation, level: 'city' }),
  );
  const term = await ok<{ id: string }>(
    office.post(`/api/organisations/${organisation.id}/terms`, {
      body: 'committee',
      number: spec.term,
      startedOn: spec.startedOn,
    }),
  );
  const positions = `/api/terms/${term.id}/positions`;
  for (const name of spec.members) await ok(office.post(positions, { personName: name, position: 'member' }));
  await ok(
    office.put(`/api/terms/${term.id}/alternates`, {
      alternates: spec.alternates.map((a) => ({ personName: a.name, votes: a.votes })),
    }),
  );
  await ok(office.post(positions, { personName: spec.secretary, position: 'secretary' }));
  for (const name of [spec.secretary, ...spec.deputies, ...spec.standing]) {
    await ok(office.post(positions, { personName: name, position: 'standing-member' }));
  }
  for (const name of spec.deputies)
    await ok(office.post(positions, { personName: name, position: 'deputy-secretary' }));
  return { organisationId: organisation.id, termId: term.id };
}

/**
 * Attendance at a meeting, through the desk's API: the first `present` on its roster check in
 * (default: everyone), the others are on leave.
 */
export async function attend(
  office: Client,
  meeting: { readonly id: string; readonly sittingId: string },
  present = Number.POSITIVE_INFINITY,
): Promise<void> {
  const roster = await ok<{ code: string }[]>(office.get(`/api/congresses/${meeting.id}/delegates`));
  const desk = `/api/congresses/${meeting.id}/sittings/${meeting.sittingId}/attendance`;
  for (const [index, delegate] of roster.entries()) {
    if (index < present) await ok(office.post(`${desk}/check-in`, { code: delegate.code, desk: '1' }));
    else await ok(office.post(`${desk}/leave`, { code: delegate.code, reason: 'illness', note: '住院' }));
  }
}

/** Plausible names for a roster, none repeated: a surname and a given name from short lists. */
export function rosterNames(count: number, skip: readonly string[] = []): string[] {
  const surnames =
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
  const given = [
    '建国',
    '志强',
    '海燕',
    '晓东',
    '丽华',
    '国栋',
    '文斌',
    '红梅',
    '永刚',
    '秀英',
    '立新',
    '春生',
    '宁',
    '军',
    '敏',
    '静',
    '磊',
    '洋',
    '勇',
    '艳',
  ];
  const names: string[] = [];
  const taken = new Set(skip);
  for (let i = 0; names.length < count; i++) {
    const name = surnames[i % surnames.length]! + given[Math.floor(i / surnames.length) % given.length]!;
    if (!taken.has(name)) {
      taken.add(name);
      names.push(name);
    }
  }
  return names;
}
