import { expect, it } from 'vitest';
import { makeIdNumber } from '../../../src/core/text/id-number.ts';
import type { Role } from '../../../src/persistence/congress-schema.ts';
import type { Actor } from '../../../src/services/actor.ts';
import { setBodyMembers } from '../../../src/services/congress/bodies.ts';
import { nextCodes } from '../../../src/services/congress/delegate-values.ts';
import {
  createDelegate,
  deleteDelegate,
  getDelegate,
  listDelegates,
  pinyinInitials,
  updateDelegate,
} from '../../../src/services/congress/delegates.ts';
import {
  createDelegation,
  deleteDelegation,
  listDelegations,
} from '../../../src/services/congress/delegations.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { ADMIN, serviceContext, snapshot, tongliao } from './fixtures.ts';

const WANG = makeIdNumber('150502', '1975-03-12', 123); // a man
const LI = makeIdNumber('150502', '1980-05-20', 246); // a woman

function staff(congressId: string, role: Role): Actor {
  return {
    kind: 'account',
    accountId: role,
    username: role,
    displayName: role,
    roles: new Map([[congressId, new Set<Role>([role])]]),
  };
}

// The smallest valid PNG: signature, IHDR, IDAT, IEND.
const PNG = `data:image/png;base64,${Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000000000005000161a7a5ad0000000049454e44ae426082',
  'hex',
).toString('base64')}`;

describeEachDatabase('delegates', (target) => {
  it('takes gender and date of birth from a checked ID number, and generates codes 0001, 0002…', async () => {
    const { context } = await serviceContext(target);
    const { congress } = await tongliao(context);
    const delegation = await createDelegation(context, ADMIN, congress.id, { name: '第一代表团' });
    const wang = await createDelegate(context, ADMIN, congress.id, {
      name: '王　宁',
      ethnicity: '汉',
      idNumber: WANG.toLowerCase(),
      joinedDate: '1998-10',
      delegationId: delegation.id,
    });
    expect(wang).toMatchObject({
      name: '王宁',
      code: '0001',
      gender: 'male',
      birthDate: '1975-03-12',
      ethnicity: '汉族',
      idNumber: WANG,
      votingRights: true,
      initials: 'wn',
    });
    const li = await createDelegate(context, ADMIN, congress.id, {
      name: '李红',
      gender: '女',
      ethnicity: '汉族',
      idNumber: LI,
    });
    expect(li.code).toBe('0002');
    await expect(
      createDelegate(context, ADMIN, congress.id, {
        name: '张伟',
        ethnicity: '汉族',
        idNumber: `${WANG.slice(0, 17)}${WANG[17] === '0' ? '1' : '0'}`,
      }),
    ).rejects.toMatchObject({
      field: 'idNumber',
      zh: '校验码（最后一位）与前17位不符，可能有数字录入错误。',
    });
    await expect(
      createDelegate(context, ADMIN, congress.id, {
        name: '张伟',
        gender: '女',
        ethnicity: '汉族',
        idNumber: makeIdNumber('110101', '1970-01-01', 11),
      }),
    ).rejects.toMatchObject({ field: 'gender' });
    await expect(
      createDelegate(context, ADMIN, congress.id, { name: '张伟', ethnicity: '汉族', idNumber: WANG }),
    ).rejects.toMatchObject({ code: 'id-number-taken', status: 409 });
    await expect(
      createDelegate(context, ADMIN, congress.id, { name: '张伟', ethnicity: '火星族', gender: '男' }),
    ).rejects.toMatchObject({ field: 'ethnicity' });
    await expect(
      createDelegate(context, ADMIN, congress.id, { name: '张伟', ethnicity: '汉族' }),
    ).rejects.toMatchObject({ field: 'gender' });
    await expect(
      createDelegate(context, ADMIN, congress.id, { name: '张伟（女）', ethnicity: '汉族', gender: '女' }),
    ).rejects.toMatchObject({ field: 'name' });
    await expect(
      createDelegate(context, ADMIN, congress.id, {
        name: '张伟',
        ethnicity: '汉族',
        gender: '男',
        code: '0001',
      }),
    ).rejects.toMatchObject({ code: 'code-taken' });
    expect(nextCodes(['0001', 'A-7', '0099'], 2)).toEqual(['0100', '0101']);
    expect(nextCodes(['00012'], 1)).toEqual(['00013']);
  });

  it('requires a reason to suspend voting rights and clears it when they are restored', async () => {
    const { context, database } = await serviceContext(target);
    const { congress } = await tongliao(context);
    const wang = await createDelegate(context, ADMIN, congress.id, {
      name: '王宁',
      ethnicity: '汉族',
      idNumber: WANG,
    });
    const before = await snapshot(database);
    await expect(
      updateDelegate(context, ADMIN, congress.id, wang.id, { votingRights: false }),
    ).rejects.toMatchObject({
      field: 'suspensionReason',
      en: 'is required when voting rights are suspended',
      zh: '暂停表决权时必须填写原因',
    });
    expect(await snapshot(database)).toEqual(before);
    const suspended = await updateDelegate(context, ADMIN, congress.id, wang.id, {
      votingRights: false,
      suspensionReason: '停止执行代表职务',
    });
    expect(suspended).toMatchObject({ votingRights: false, suspensionReason: '停止执行代表职务' });
    expect(await updateDelegate(context, ADMIN, congress.id, wang.id, { votingRights: true })).toMatchObject({
      votingRights: true,
      suspensionReason: null,
    });
    // A new ID number brings its own gender: 王宁's record now holds a woman's number.
    expect(await updateDelegate(context, ADMIN, congress.id, wang.id, { idNumber: LI })).toMatchObject({
      gender: 'female',
      birthDate: '1980-05-20',
    });
  });

  it('stores a small photo of the type it claims, and refuses anything else', async () => {
    const { context } = await serviceContext(target);
    const { congress } = await tongliao(context);
    const wang = await createDelegate(context, ADMIN, congress.id, {
      name: '王宁',
      ethnicity: '汉族',
      idNumber: WANG,
      photo: PNG,
    });
    expect(wang.hasPhoto).toBe(true);
    expect((await getDelegate(context, ADMIN, congress.id, wang.id)).photo).toBe(PNG);
    await expect(
      updateDelegate(context, ADMIN, congress.id, wang.id, { photo: PNG.replace('image/png', 'image/jpeg') }),
    ).rejects.toMatchObject({ field: 'photo', zh: '照片内容不是jpeg格式的图片' });
    const big = `data:image/jpeg;base64,${Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(300 * 1024)]).toString('base64')}`;
    await expect(updateDelegate(context, ADMIN, congress.id, wang.id, { photo: big })).rejects.toMatchObject({
      field: 'photo',
      en: expect.stringContaining('at most 256 KB'),
    });
    await expect(
      updateDelegate(context, ADMIN, congress.id, wang.id, { photo: 'http://example.com/a.png' }),
    ).rejects.toMatchObject({ field: 'photo' });
  });

  it('lists by delegation, then surname strokes; filters by delegation, name and pinyin initials; masks ID numbers', async () => {
    const { context } = await serviceContext(target);
    const { congress } = await tongliao(context);
    const second = await createDelegation(context, ADMIN, congress.id, { name: '第二代表团', sortOrder: 2 });
    const first = await createDelegation(context, ADMIN, congress.id, { name: '第一代表团', sortOrder: 1 });
    const people: [string, string, string][] = [
      ['丁小强', second.id, 'male'],
      ['王小强', first.id, 'male'],
      ['丁宁', second.id, 'female'],
      ['于波', first.id, 'male'],
      ['单宁', first.id, 'female'],
    ];
    for (const [i, [name, delegationId, gender]] of people.entries()) {
      await createDelegate(context, ADMIN, congress.id, {
        name,
        ethnicity: '汉族',
        delegationId,
        idNumber: makeIdNumber('110101', `197${i}-01-01`, gender === 'male' ? 11 : 12),
      });
    }
    await createDelegate(context, ADMIN, congress.id, { name: '马强', gender: '男', ethnicity: '回族' });
    const all = await listDelegates(context, ADMIN, congress.id);
    expect(all.map((d) => d.name)).toEqual(['于波', '王小强', '单宁', '丁宁', '丁小强', '马强']);
    expect(all[0]!.idNumber).toMatch(/^110101\d{11}[\dX]$/);
    const desk = await listDelegates(context, staff(congress.id, 'check-in'), congress.id);
    expect(desk[0]!.idNumber).toBe(`110101********${all[0]!.idNumber!.slice(-4)}`);
    expect(
      (await getDelegate(context, staff(congress.id, 'teller'), congress.id, all[0]!.id)).idNumber,
    ).toContain('********');
    expect(
      (await listDelegates(context, ADMIN, congress.id, { initials: 'WXQ' })).map((d) => d.name),
    ).toEqual(['王小强']);
    expect((await listDelegates(context, ADMIN, congress.id, { initials: 'sn' })).map((d) => d.name)).toEqual(
      ['单宁'],
    );
    expect((await listDelegates(context, ADMIN, congress.id, { name: '小强' })).map((d) => d.name)).toEqual([
      '王小强',
      '丁小强',
    ]);
    expect(
      (await listDelegates(context, ADMIN, congress.id, { delegationId: second.id })).map((d) => d.name),
    ).toEqual(['丁宁', '丁小强']);
    expect(pinyinInitials('买买提·艾力')).toBe('mmtal');
    expect(await listDelegations(context, congress.id)).toEqual([
      { id: first.id, name: '第一代表团', sortOrder: 1, delegates: 3 },
      { id: second.id, name: '第二代表团', sortOrder: 2, delegates: 2 },
    ]);
    await expect(deleteDelegation(context, ADMIN, congress.id, first.id)).rejects.toMatchObject({
      code: 'delegation-not-empty',
    });
  });

  it('removes a delegate entered by mistake, but keeps one with a record', async () => {
    const { context, database } = await serviceContext(target);
    const { congress } = await tongliao(context);
    const wang = await createDelegate(context, ADMIN, congress.id, {
      name: '王宁',
      ethnicity: '汉族',
      idNumber: WANG,
    });
    const li = await createDelegate(context, ADMIN, congress.id, {
      name: '李红',
      ethnicity: '汉族',
      idNumber: LI,
    });
    await setBodyMembers(context, ADMIN, congress.id, 'presidium', [{ delegateId: wang.id }]);
    const before = await snapshot(database);
    await expect(deleteDelegate(context, ADMIN, congress.id, wang.id)).rejects.toMatchObject({
      code: 'delegate-has-records',
    });
    expect(await snapshot(database)).toEqual(before);
    await deleteDelegate(context, ADMIN, congress.id, li.id);
    expect((await listDelegates(context, ADMIN, congress.id)).map((d) => d.name)).toEqual(['王宁']);
    // The audit log never holds a whole ID number.
    const audit = await database.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    expect(JSON.stringify(audit)).not.toContain(WANG);
    expect(JSON.stringify(audit)).not.toContain(LI);
  });
});
