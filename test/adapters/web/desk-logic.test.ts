import { describe, expect, it } from 'vitest';
import { filterDelegates } from '../../../src/adapters/web/src/lib/delegate-filter.ts';
import {
  classifyDeskInput,
  deskVerdict,
  moveSelection,
  soleCandidate,
  VERDICT_TONE,
} from '../../../src/adapters/web/src/lib/desk-logic.ts';
import {
  consoleSectionsFor,
  entryPointsFor,
  rolesFor,
  type SessionInfo,
} from '../../../src/adapters/web/src/lib/roles.ts';

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
  const admin: SessionInfo = { kind: 'account', roles: [], rolesByCongress: { '*': ['admin'] } };
  const desk: SessionInfo = { kind: 'account', roles: [], rolesByCongress: { c1: ['check-in'] } };
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
    const teller: SessionInfo = { kind: 'account', roles: [], rolesByCongress: { c1: ['teller'] } };
    expect(keys(teller)).toContain('paper');
    expect(keys(teller)).not.toContain('credentials');
  });
  it('gives a delegate the delegate role in their own congress only', () => {
    const delegate: SessionInfo = { kind: 'delegate', congressId: 'c1', roles: ['delegate'] };
    expect(rolesFor(delegate, 'c1').has('delegate')).toBe(true);
    expect(rolesFor(delegate, 'c2').has('delegate')).toBe(false);
  });
});
