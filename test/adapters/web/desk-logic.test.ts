import { describe, expect, it } from 'vitest';
import { filterDelegates } from '../../../src/adapters/web/src/lib/delegate-filter.ts';
import {
  consoleSectionsFor,
  entryPointsFor,
  rolesFor,
  type SessionInfo,
} from '../../../src/adapters/web/src/lib/roles.ts';
import {
  classifyDeskInput,
  clearScreen,
  type DeskScreen,
  deskKey,
  deskSubject,
  deskVerdict,
  EMPTY_SCREEN,
  moveSelection,
  screenAfterLookup,
  searchStep,
  showNotFound,
  showOutcome,
  showPickList,
  soleCandidate,
  VERDICT_TONE,
} from '../../../src/adapters/web/src/pages/checkin/desk-logic.ts';
import {
  leaveBody,
  noteMissing,
  reasonForKey,
} from '../../../src/adapters/web/src/pages/checkin/leave-form.ts';
import type { AttendanceOutcome, SearchCandidate } from '../../../src/contract/attendance.ts';

describe('the check-in desk input', () => {
  it('reads a scanned or typed code as a code, and names or pinyin as a search', () => {
    expect(classifyDeskInput('0001')).toEqual({ kind: 'code', code: '0001' });
    expect(classifyDeskInput(' 0001\r')).toEqual({ kind: 'code', code: '0001' });
    expect(classifyDeskInput('０００１')).toEqual({ kind: 'code', code: '0001' });
    expect(classifyDeskInput('A-012')).toEqual({ kind: 'code', code: 'A-012' });
    expect(classifyDeskInput('wxq')).toEqual({ kind: 'search', query: 'wxq' });
    expect(classifyDeskInput('王小强')).toEqual({ kind: 'search', query: '王小强' });
    expect(classifyDeskInput('王1')).toEqual({ kind: 'search', query: '王1' });
    expect(classifyDeskInput('   ')).toEqual({ kind: 'empty' });
  });

  it('acts at once on the only hit, or on the hit whose code was typed', () => {
    const a = { id: 'a', code: '0012' };
    const b = { id: 'b', code: '0120' };
    expect(soleCandidate('wxq', [a])).toBe(a);
    expect(soleCandidate('wxq', [a, b])).toBeNull();
    expect(soleCandidate('0012', [a, b])).toBe(a);
    expect(soleCandidate('a-1', [{ id: 'x', code: 'A-1' }, b])).toEqual({ id: 'x', code: 'A-1' });
    expect(soleCandidate('x', [])).toBeNull();
  });

  it('moves through the pick list with the arrow keys, wrapping at both ends', () => {
    expect(moveSelection(0, 1, 3)).toBe(1);
    expect(moveSelection(2, 1, 3)).toBe(0);
    expect(moveSelection(0, -1, 3)).toBe(2);
    expect(moveSelection(0, 1, 0)).toBe(0);
  });

  it('shows green for a check-in, amber for a repeat, red for no vote or nobody', () => {
    const outcome = (
      action: 'check-in' | 'check-out' | 'leave' | 'cancel-leave',
      changed: boolean,
      votingRights = true,
    ) => ({
      action,
      changed,
      status: 'present' as const,
      delegate: { votingRights },
    });
    expect(VERDICT_TONE[deskVerdict(outcome('check-in', true))]).toBe('success');
    expect(deskVerdict(outcome('check-in', false))).toBe('already-present');
    expect(VERDICT_TONE[deskVerdict(outcome('check-in', false))]).toBe('warning');
    expect(VERDICT_TONE[deskVerdict(outcome('check-in', true, false))]).toBe('error');
    expect(VERDICT_TONE[deskVerdict(null)]).toBe('error');
    expect(deskVerdict(outcome('check-out', true))).toBe('checked-out');
    expect(deskVerdict(outcome('check-out', false))).toBe('not-checked-in');
    expect(deskVerdict(outcome('leave', true))).toBe('leave');
    expect(deskVerdict(outcome('cancel-leave', true))).toBe('leave-cancelled');
  });
});

const candidate = (
  code: string,
  name: string,
  status: SearchCandidate['status'] = 'absent',
): SearchCandidate => ({
  id: `id-${code}`,
  name,
  code,
  delegation: '河东区代表团',
  hasPhoto: false,
  votingRights: true,
  status,
  checkedInAt: null,
  desk: null,
  leaveReason: null,
});

const checkedIn = (code: string, name: string): AttendanceOutcome => ({
  changed: true,
  action: 'check-in',
  sittingId: 's1',
  delegate: { id: `id-${code}`, name, code, delegation: '河东区代表团', votingRights: true },
  previousStatus: 'absent',
  status: 'present',
  checkedInAt: '2026-11-26T00:31:00.000Z',
  checkedOutAt: null,
  desk: '1',
  leaveReason: null,
  message: { en: `${name}: checked in`, zh: `${name}已签到` },
});

describe('whom the desk’s leave (F2) and check-out (F4) keys act on', () => {
  const afterFirst = showOutcome(EMPTY_SCREEN, checkedIn('0010', '王芳'), 1);

  it('acts on what is typed now, not on the delegate checked in before (issue 12, defect 1)', () => {
    // 0010 checked in and shown; 0011 typed, Enter not pressed: F2 is for 0011.
    const typing: DeskScreen = { ...afterFirst, text: '0011' };
    expect(deskSubject(typing)).toEqual({ kind: 'typed', query: '0011' });
    expect(deskSubject({ ...afterFirst, text: ' wxq ' })).toEqual({ kind: 'typed', query: 'wxq' });
  });

  it('with nothing typed: the delegate shown, else the one selected in the list, else nobody', () => {
    expect(deskSubject(afterFirst)).toEqual({
      kind: 'delegate',
      delegate: expect.objectContaining({ code: '0010', name: '王芳' }),
    });
    expect(deskSubject({ ...afterFirst, text: '   ' }).kind).toBe('delegate');
    const list = showPickList(afterFirst, [candidate('0021', '王强'), candidate('0022', '王晓琴')], false);
    expect(deskSubject({ ...list, selected: 1 })).toEqual({
      kind: 'delegate',
      delegate: expect.objectContaining({ code: '0022' }),
    });
    expect(deskSubject(EMPTY_SCREEN)).toEqual({ kind: 'none' });
    expect(deskSubject(showNotFound(afterFirst, 'qzqz', 2))).toEqual({ kind: 'none' });
  });

  it('looks the typed delegate up without checking in: one found is selected, ready for the leave dialog', () => {
    const typing: DeskScreen = { ...afterFirst, text: '0011' };
    const found = { candidates: [candidate('0011', '李明')], more: false };
    expect(searchStep('0011', found)).toEqual({ kind: 'one', candidate: found.candidates[0] });
    const looked = screenAfterLookup(typing, '0011', found, 2);
    expect(looked.text).toBe('');
    expect(looked.shown).toBeNull();
    expect(looked.candidates.map((c) => c.code)).toEqual(['0011']);
    // The leave dialog is now for 0011, absent and still absent.
    expect(deskSubject(looked)).toEqual({
      kind: 'delegate',
      delegate: expect.objectContaining({ code: '0011', status: 'absent' }),
    });
  });

  it('lists several hits to pick from, and says when nobody matches', () => {
    const several = { candidates: [candidate('0021', '王强'), candidate('0022', '王晓琴')], more: true };
    expect(searchStep('王', several)).toEqual({ kind: 'pick' });
    const listed = screenAfterLookup({ ...EMPTY_SCREEN, text: '王' }, '王', several, 3);
    expect(listed.candidates).toHaveLength(2);
    expect(listed.more).toBe(true);
    expect(listed.selected).toBe(0);
    expect(searchStep('qzqz', { candidates: [], more: false })).toEqual({ kind: 'not-found' });
    const missing = screenAfterLookup(
      { ...afterFirst, text: 'qzqz' },
      'qzqz',
      { candidates: [], more: false },
      4,
    );
    expect(missing.shown).toEqual({ verdict: 'not-found', query: 'qzqz', at: 4 });
    expect(deskSubject(missing)).toEqual({ kind: 'none' });
  });

  it('clears the screen with Esc, and knows its function keys', () => {
    expect(clearScreen({ ...afterFirst, text: '0011' })).toEqual({ ...EMPTY_SCREEN });
    expect(deskKey('F2')).toBe('leave');
    expect(deskKey('F4')).toBe('checkOut');
    expect(deskKey('Escape')).toBe('clear');
    expect(deskKey('Enter')).toBeNull();
  });
});

describe('the desk’s leave dialog', () => {
  it('chooses 因事 / 因病 / 其他 with 1 / 2 / 3', () => {
    expect(reasonForKey('1')).toBe('personal');
    expect(reasonForKey('2')).toBe('illness');
    expect(reasonForKey('3')).toBe('other');
    expect(reasonForKey('4')).toBeNull();
  });

  it('asks for a note with "other" only, and sends the note trimmed', () => {
    expect(noteMissing('other', '  ')).toBe(true);
    expect(noteMissing('other', '出差')).toBe(false);
    expect(noteMissing('illness', '')).toBe(false);
    expect(leaveBody('d1', 'illness', ' 住院治疗 ', '2')).toEqual({
      delegateId: 'd1',
      reason: 'illness',
      note: '住院治疗',
      desk: '2',
    });
    expect(leaveBody('d1', 'personal', '', '2')).toEqual({ delegateId: 'd1', reason: 'personal', desk: '2' });
  });
});

describe('the console’s delegate filter', () => {
  const list = [
    { name: '王小强', code: '0001', initials: 'wxq', delegationId: 'd1' },
    { name: '王晓琴', code: '0002', initials: 'wxq', delegationId: 'd2' },
    { name: '李明', code: '0103', initials: 'lm', delegationId: 'd1' },
  ];
  it('finds by characters of the name, pinyin initials or the start of the code', () => {
    expect(filterDelegates(list, '小强').map((d) => d.code)).toEqual(['0001']);
    expect(filterDelegates(list, 'wx').map((d) => d.code)).toEqual(['0001', '0002']);
    expect(filterDelegates(list, 'WXQ').map((d) => d.code)).toEqual(['0001', '0002']);
    expect(filterDelegates(list, '01').map((d) => d.code)).toEqual(['0103']);
    expect(filterDelegates(list, '').length).toBe(3);
  });
  it('narrows to one delegation', () => {
    expect(filterDelegates(list, 'w', 'd2').map((d) => d.code)).toEqual(['0002']);
    expect(filterDelegates(list, '', 'd1').map((d) => d.code)).toEqual(['0001', '0103']);
  });
});

describe('the role-aware navigation', () => {
  const account = (
    rolesByCongress: Extract<SessionInfo, { kind: 'account' }>['rolesByCongress'],
  ): SessionInfo => ({
    kind: 'account',
    accountId: 'a1',
    username: 'staff',
    displayName: 'staff',
    csrfToken: 'token',
    roles: [],
    rolesByCongress,
  });
  const admin = account({ '*': ['admin'] });
  const desk = account({ c1: ['check-in'] });
  it('offers each role its places, in the congress its roles are held in', () => {
    expect(entryPointsFor(rolesFor(admin, 'c1'))).toEqual(['checkin', 'console', 'screen', 'public']);
    expect(entryPointsFor(rolesFor(desk, 'c1'))).toEqual(['checkin', 'screen', 'public']);
    expect(entryPointsFor(rolesFor(desk, 'c2'))).toEqual(['screen', 'public']);
    expect(entryPointsFor(rolesFor(null, 'c1'))).toEqual(['screen', 'public']);
  });
  it('shows the import and credentials only to the secretariat', () => {
    const keys = (session: SessionInfo) => consoleSectionsFor(rolesFor(session, 'c1')).map((s) => s.key);
    expect(keys(admin)).toContain('import');
    expect(keys(admin)).toContain('credentials');
    expect(keys(desk)).not.toContain('import');
    const teller = account({ c1: ['teller'] });
    expect(keys(teller)).toContain('paper');
    expect(keys(teller)).not.toContain('credentials');
  });
  it('gives a delegate the delegate role in their own congress only', () => {
    const delegate: SessionInfo = {
      kind: 'delegate',
      delegateId: 'd1',
      congressId: 'c1',
      name: '王宁',
      csrfToken: 'token',
      roles: ['delegate'],
    };
    expect(rolesFor(delegate, 'c1').has('delegate')).toBe(true);
    expect(rolesFor(delegate, 'c2').has('delegate')).toBe(false);
  });
});
