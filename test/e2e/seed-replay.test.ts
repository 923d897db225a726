import { afterEach, expect, it } from 'vitest';
import { untranslatedSpans } from '../../src/core/documents/news/index.ts';
import {
  DALIAN_CONCLUSIONS,
  QUZHOU_CONCLUSIONS,
  QUZHOU_DECISION,
  QUZHOU_DECISION_EN,
  QUZHOU_ENLARGED_PLENARY,
  XI_SPEECH_EN,
  XI_SPEECH_ZH,
} from '../core/documents/news/seed-records.ts';
import { recordCommittee, rosterNames } from '../support/committee.ts';
import { describeEachDatabase, openMigrated } from '../support/databases.ts';
import { type Client, clientWithRoles, type TestApp, testApp } from '../support/http.ts';

// Seed replay (issue 11): the meetings of seeds 003 and 004 recorded through the HTTP API as the
// general office records them — the register, the meeting, its attendance, topics, conclusions,
// speeches and decision — and the news generated from that record carries every fact the seed
// states, in Chinese and in English. (Seeds 000–002, the congresses, are replayed through the API
// by test/e2e/whole-congress.test.ts, and fact by fact against the generator in
// test/core/documents/news/seeds.test.ts.)

// biome-ignore lint/suspicious/noExplicitAny: answers are JSON, checked by the assertions that read them
type Json = any;

let test: TestApp | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

async function ok(response: Promise<{ statusCode: number; body: string }>): Promise<Json> {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBeLessThan(300);
  return answer.body === '' ? undefined : JSON.parse(answer.body);
}

/** Checks in the named people and puts the others on the roster on leave (因事). */
async function takeAttendance(
  office: Client,
  meeting: Json,
  present: readonly string[],
  onLeave: readonly string[],
) {
  const roster: { name: string; code: string }[] = await ok(
    office.get(`/api/congresses/${meeting.id}/delegates`),
  );
  const code = new Map(roster.map((d) => [d.name, d.code]));
  const desk = `/api/congresses/${meeting.id}/sittings/${meeting.sittingId}/attendance`;
  for (const name of present) await ok(office.post(`${desk}/check-in`, { code: code.get(name), desk: '1' }));
  for (const name of onLeave)
    await ok(office.post(`${desk}/leave`, { code: code.get(name), reason: 'personal' }));
}

/** A topic as a unit requests it and the office approves it and puts it on the meeting's agenda. */
async function topicOnAgenda(
  office: Client,
  termId: string,
  meetingId: string,
  unitId: string,
  topic: Json,
): Promise<string> {
  const requested = await ok(
    office.post(`/api/terms/${termId}/topics`, { requestingUnitId: unitId, ...topic }),
  );
  await ok(office.post(`/api/terms/${termId}/topics/${requested.id}/review`, { approve: true }));
  await ok(office.post(`/api/congresses/${meetingId}/topics`, { topicId: requested.id }));
  return requested.id;
}

async function generate(office: Client, meetingId: string, kind: string): Promise<Json> {
  return ok(office.post(`/api/congresses/${meetingId}/news`, { kind }));
}

describeEachDatabase('seed replay: the committee between congresses', (target) => {
  it('[M1][M4][M6] seed 004: the Quzhou enlarged plenary 市委八届二次全体（扩大）会议', async () => {
    test = await testApp(await openMigrated(target));
    const office = await clientWithRoles(test, 'office', [{ congressId: '*', role: 'admin' }]);
    const deputies = ['徐张艳', '徐良平'];
    const others = rosterNames(47, ['高屹', ...deputies]);
    const members = ['高屹', ...deputies, ...others];
    const alternates = rosterNames(70, members)
      .slice(60, 69)
      .map((name, i) => ({ name, votes: 200 - i }));
    const { organisationId, termId } = await recordCommittee(office, {
      organisation: { name: '中国共产党衢州市委员会', shortName: '市委', locality: '衢州市' },
      term: 8,
      startedOn: '2021-09-28',
      members,
      alternates,
      secretary: '高屹',
      deputies,
      standing: others.slice(0, 8),
    });
    const unit = await ok(office.post(`/api/organisations/${organisationId}/units`, { name: '市委办公室' }));
    const record = QUZHOU_ENLARGED_PLENARY;
    const meeting = await ok(
      office.post(`/api/terms/${termId}/meetings`, {
        committee: 'plenary',
        enlarged: true,
        number: 2,
        heldAt: '2022-07-20T09:00',
        attendeeGroups: record.attendeeGroups.map((g) => ({
          kind: g.kind,
          category: g.category.zh,
          categoryEn: g.category.en,
        })),
      }),
    );
    expect(meeting).toMatchObject({ title: '市委八届二次全体(扩大)会议', presidedBy: '市委常委会' });
    // 出席这次全会的市委委员48名，候补委员7名: 50 members due, 2 on leave; 7 of 9 alternates.
    await takeAttendance(
      office,
      meeting,
      [...members.slice(0, 48), ...alternates.slice(0, 7).map((a) => a.name)],
      members.slice(48),
    );

    const report = (title: string, titleEn: string) => ({
      committee: 'plenary',
      kind: 'report',
      title,
      titleEn,
      presenter: '高屹',
      onBehalfOf: '市委常委会',
    });
    await topicOnAgenda(office, termId, meeting.id, unit.id, report('工作报告', 'the work report'));
    await topicOnAgenda(
      office,
      termId,
      meeting.id,
      unit.id,
      report(
        '关于学习贯彻省第十五次党代会精神的报告',
        'the report on studying and implementing the guiding principles of the 15th Provincial Party Congress',
      ),
    );
    const decisionTopic = await topicOnAgenda(office, termId, meeting.id, unit.id, {
      committee: 'plenary',
      kind: 'decision',
      title: QUZHOU_DECISION,
      titleEn: QUZHOU_DECISION_EN,
    });
    await ok(
      office.put(`/api/congresses/${meeting.id}/outcomes/conclusions`, {
        conclusions: QUZHOU_CONCLUSIONS.map((c) => ({ verb: c.verb, text: c.text.zh, textEn: c.text.en })),
      }),
    );
    await ok(
      office.put(`/api/congresses/${meeting.id}/outcomes/speeches`, {
        speeches: [
          {
            speaker: '高屹',
            capacity: '市委书记',
            subject: '贯彻落实省党代会和市委全会精神',
            subjectEn:
              'implementing the guiding principles of the provincial Party congress and of the plenary session',
            moment: 'closing',
          },
        ],
      }),
    );
    const decision = await ok(
      office.post(`/api/congresses/${meeting.id}/decisions`, {
        topicId: decisionTopic,
        title: QUZHOU_DECISION,
        titleEn: QUZHOU_DECISION_EN,
        votingMethod: 'show-of-hands',
        votesFor: 48,
        votesAgainst: 0,
        votesAbstain: 0,
      }),
    );
    expect(decision).toMatchObject({
      status: 'adopted',
      membersDue: 50,
      present: 48,
      verdict: { rule: 'M4', adopted: true, minimumFor: 26 },
    });

    const news = await generate(office, meeting.id, 'plenary-session');
    expect(news.titleZh).toBe('市委八届二次全体（扩大）会议举行');
    for (const fact of [
      '出席这次全会的市委委员48名，候补委员7名。',
      '市委常委会主持会议。市委书记高屹讲话，市委副书记徐张艳、徐良平出席。',
      '高屹受市委常委会委托作的工作报告和关于学习贯彻省第十五次党代会精神的报告',
      `审议通过《${QUZHOU_DECISION}》`,
      '全会结束时，高屹就贯彻落实省党代会和市委全会精神作了讲话。',
      ...QUZHOU_CONCLUSIONS.filter((c) => c.verb !== 'affirmed' && c.verb !== 'held').map((c) => c.text.zh),
      '全会充分肯定了今年以来市委常委会的工作。全会认为',
      '不是市委委员的副厅级以上领导干部，市纪委委员，市四套班子秘书长、副秘书长，市级机关各单位主要负责人，市人大常委会、市政协各委室主任，各民主党派、工商联负责人，部分基层党代表参加会议。离岗在职领导、副厅级以上老干部应邀参加。',
    ]) {
      expect(news.bodyZh, fact).toContain(fact);
    }
    // Non-member attendees never count as alternates (the 候补委员9名 bug).
    expect(news.bodyZh).not.toContain('候补委员9名');
    for (const fact of [
      'Enlarged',
      '48 members of the municipal Party committee and 7 alternate members',
      QUZHOU_DECISION_EN.replace(/^the /, ''),
      ...QUZHOU_CONCLUSIONS.map((c) => c.text.en!),
      'retired cadres at or above the deputy department level',
    ]) {
      expect(news.bodyEn + news.titleEn, fact).toContain(fact);
    }
    expect(untranslatedSpans(news.bodyEn)).toEqual([]);
    expect(news.source).toBe('市委办公室');
  });

  it('[M2][M6] seed 003: the Dalian standing committee meeting, in English and Chinese', async () => {
    test = await testApp(await openMigrated(target));
    const office = await clientWithRoles(test, 'office', [{ congressId: '*', role: 'admin' }]);
    const standing = rosterNames(12, ['谭作钧']);
    const { organisationId, termId } = await recordCommittee(office, {
      organisation: { name: '中国共产党大连市委员会', shortName: '市委', locality: '大连市' },
      term: 12,
      startedOn: '2016-11-20',
      members: ['谭作钧', ...standing, ...rosterNames(60, ['谭作钧', ...standing]).slice(20, 50)],
      alternates: [],
      secretary: '谭作钧',
      deputies: standing.slice(0, 2),
      standing: standing.slice(2),
    });
    const unit = await ok(office.post(`/api/organisations/${organisationId}/units`, { name: '市委办公室' }));
    const meeting = await ok(
      office.post(`/api/terms/${termId}/meetings`, {
        committee: 'standing-committee',
        heldAt: '2021-02-02',
        presidedBy: '谭作钧',
        presidedByCapacity: '省委常委、市委书记',
      }),
    );
    expect(meeting).toMatchObject({ roster: { membersDue: 13 }, quorum: { rule: 'M2', minimumPresent: 7 } });
    await takeAttendance(office, meeting, ['谭作钧', ...standing.slice(0, 11)], [standing[11]!]);
    const study = await topicOnAgenda(office, termId, meeting.id, unit.id, {
      committee: 'standing-committee',
      kind: 'study',
      title: XI_SPEECH_ZH,
      titleEn: XI_SPEECH_EN,
    });
    await topicOnAgenda(office, termId, meeting.id, unit.id, {
      committee: 'standing-committee',
      kind: 'other',
      title: '研究部署我市贯彻落实工作',
      titleEn: 'study and deploy the implementation work in our city',
    });
    await ok(
      office.put(`/api/congresses/${meeting.id}/outcomes/conclusions`, {
        conclusions: DALIAN_CONCLUSIONS.map((c) => ({
          topicId: study,
          verb: c.verb,
          text: c.text.zh,
          textEn: c.text.en,
        })),
      }),
    );
    const news = await generate(office, meeting.id, 'standing-committee-meeting');
    expect(news.bodyZh.split('\n\n')).toEqual([
      '2月2日，市委常委会召开会议，传达学习习近平总书记在省部级主要领导干部学习贯彻党的十九届五中全会精神专题研讨班开班式上的重要讲话精神，研究部署我市贯彻落实工作。省委常委、市委书记谭作钧主持会议。',
      `会议指出，${DALIAN_CONCLUSIONS[0]!.text.zh}。`,
      `会议强调，${DALIAN_CONCLUSIONS[1]!.text.zh}。`,
      `会议强调，${DALIAN_CONCLUSIONS[2]!.text.zh}。`,
    ]);
    const inSeedCase = (s: string) => s.toLowerCase().replace('february 2', '2 february');
    for (const sentence of [
      'On February 2, the Standing Committee of the Municipal Party Committee held a meeting to convey and study the important speech delivered by General Secretary Xi Jinping at the opening ceremony of the seminar for leading cadres at the provincial and ministerial levels to study and implement the spirit of the Fifth Plenary Session of the 19th CPC Central Committee, and to study and deploy the implementation work in our city.',
      'Tan Zuojun, member of the Standing Committee of the Provincial Party Committee and secretary of the Municipal Party',
      'presided over the meeting.',
      `It was noted that ${DALIAN_CONCLUSIONS[0]!.text.en}`,
      `The meeting stressed that ${DALIAN_CONCLUSIONS[1]!.text.en}`,
      `The meeting stressed that ${DALIAN_CONCLUSIONS[2]!.text.en}`,
    ]) {
      expect(inSeedCase(news.bodyEn), sentence).toContain(inSeedCase(sentence));
    }
    expect(untranslatedSpans(news.bodyEn)).toEqual([]);
  });
});
