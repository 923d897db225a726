import { describe, expect, it } from 'vitest';
import { actionGroups, actionKind, labelOf, subjectKind } from '../../../src/adapters/web/src/lib/audit.ts';
import {
  attendanceDocument,
  delegateListDocument,
  electionListDocument,
  listOrder,
  roundDocuments,
} from '../../../src/adapters/web/src/lib/document-links.ts';
import { newsKindsFor, publicNewsPath } from '../../../src/adapters/web/src/lib/news.ts';
import type { Role } from '../../../src/adapters/web/src/lib/roles.ts';
import { successor } from '../../../src/adapters/web/src/lib/term-positions.ts';

const roles = (...held: Role[]) => new Set<Role>(['public', ...held]);
const C = 'c1';

describe('the documents page', () => {
  it('offers ballots to the secretariat while a paper round is open, tally sheets to those who count once counted', () => {
    const open = { id: 'r1', mode: 'paper', status: 'open' } as const;
    expect(roundDocuments(C, open, roles('admin'))).toEqual({
      ballots: { url: '/api/congresses/c1/rounds/r1/ballots.pdf' },
      tallySheet: { unavailable: 'before-count' },
      blankTallySheet: { url: '/api/congresses/c1/rounds/r1/tally-sheet.pdf' },
    });
    expect(roundDocuments(C, { ...open, mode: 'electronic' }, roles('admin')).ballots).toEqual({
      unavailable: 'electronic',
    });
    expect(roundDocuments(C, { ...open, status: 'closed' }, roles('admin')).ballots).toEqual({
      unavailable: 'voting-closed',
    });
    // Prepared before the sitting, the ballots are printed in advance.
    expect(roundDocuments(C, { ...open, status: 'prepared' }, roles('admin')).ballots).toEqual({
      url: '/api/congresses/c1/rounds/r1/ballots.pdf',
    });
    expect(roundDocuments(C, { ...open, status: 'counted' }, roles('teller'))).toEqual({
      ballots: null,
      tallySheet: { url: '/api/congresses/c1/rounds/r1/tally-sheet.pdf' },
      blankTallySheet: null,
    });
    expect(roundDocuments(C, open, roles('check-in'))).toEqual({
      ballots: null,
      tallySheet: null,
      blankTallySheet: null,
    });
  });

  it('[T7] publishes the list once the election is complete; a draft before, for admin and presiding only', () => {
    const announced = { id: 'e1', status: 'in-progress', rounds: [{ status: 'announced' as const }] };
    expect(electionListDocument(C, announced, roles('presiding'), true)).toEqual({
      url: '/api/congresses/c1/elections/e1/list.pdf',
      draft: true,
    });
    expect(electionListDocument(C, announced, roles('scrutineer'), true)).toEqual({
      unavailable: 'not-published',
    });
    expect(electionListDocument(C, { ...announced, rounds: [] }, roles('admin'), true)).toEqual({
      unavailable: 'nothing-announced',
    });
    expect(electionListDocument(C, { ...announced, status: 'complete' }, roles('teller'), false)).toEqual({
      url: '/api/congresses/c1/elections/e1/list.pdf?annotate=0',
    });
    expect(listOrder('committee-member')).toBe('strokes');
    expect(listOrder('alternate-member')).toBe('votes');
    expect(listOrder('standing-committee')).toBe('approved');
  });

  it('gives the delegate list to admin, attendance records of opened sittings to those who keep them', () => {
    expect(delegateListDocument(C, roles('presiding'), true)).toBeNull();
    expect(delegateListDocument(C, roles('admin'), true)).toEqual({
      url: '/api/congresses/c1/delegates.pdf',
    });
    expect(attendanceDocument(C, { id: 's1', status: 'scheduled' }, roles('admin'))).toEqual({
      unavailable: 'sitting-not-open',
    });
    expect(attendanceDocument(C, { id: 's1', status: 'closed' }, roles('presiding'))).toEqual({
      url: '/api/congresses/c1/sittings/s1/attendance.pdf',
    });
    expect(attendanceDocument(C, { id: 's1', status: 'open' }, roles('teller'))).toBeNull();
  });
});

describe('the news and organisations pages', () => {
  it('offers the announcements a congress or a plenary can have', () => {
    expect(newsKindsFor({ kind: 'congress', plenaryNumber: null })).toEqual([
      'opening',
      'closing',
      'first-plenary',
    ]);
    expect(newsKindsFor({ kind: 'plenary', plenaryNumber: 1 })).toEqual([
      'first-plenary',
      'plenary-decision',
    ]);
    expect(newsKindsFor({ kind: 'plenary', plenaryNumber: 3 })).toEqual([
      'plenary-session',
      'plenary-decision',
    ]);
    expect(newsKindsFor({ kind: 'standing-committee', plenaryNumber: 12 })).toEqual([
      'standing-committee-meeting',
    ]);
    expect(publicNewsPath('a b', 'en')).toBe('/news/a%20b?lang=en');
  });

  it('[T6] names the first alternate in the succession order as successor', () => {
    const alternate = (personName: string, rank: number) =>
      ({ id: personName, personName, position: 'alternate', rank }) as Parameters<
        typeof successor
      >[0][number];
    expect(successor([alternate('李娜', 2), alternate('王伟', 1)])?.personName).toBe('王伟');
    expect(successor([])).toBeNull();
  });
});

describe('the audit log page', () => {
  it('tells what an action or a subject is about', () => {
    expect(actionKind('news.template.save')).toBe('news-template');
    expect(actionKind('delegates.import')).toBe('delegate');
    expect(actionKind('attendance.check-in')).toBe('attendance');
    expect(actionKind('something.new')).toBeNull();
    expect(subjectKind('congress:c1/presidium')).toBe('body');
    expect(subjectKind('agenda-item:a1')).toBe('agenda');
    expect(subjectKind('election-method:m1')).toBe('method');
  });

  it('groups the actions by their first part', () => {
    expect(actionGroups(['news.edit', 'news.publish', 'round.open'])).toEqual([
      { prefix: 'news', kind: 'news', actions: ['news.edit', 'news.publish'] },
      { prefix: 'round', kind: 'round', actions: ['round.open'] },
    ]);
  });

  it('names a body subject after its congress', () => {
    const labels = { 'congress:c1': { name: '第十三次代表大会' } };
    expect(labelOf(labels, 'congress:c1/presidium')).toEqual({ name: '第十三次代表大会' });
    expect(labelOf(labels, 'round:r1')).toBeUndefined();
  });
});
