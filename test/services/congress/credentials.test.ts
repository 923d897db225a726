import { expect, it } from 'vitest';
import { delegateLogin, sessionActor } from '../../../src/services/accounts/account-service.ts';
import { LoginThrottle } from '../../../src/services/accounts/login-throttle.ts';
import { issueCredentials } from '../../../src/services/congress/credentials.ts';
import { listDelegates } from '../../../src/services/congress/delegates.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { ADMIN, addDelegates, serviceContext, snapshot, tongliao } from './fixtures.ts';

describeEachDatabase('delegate credentials', (target) => {
  it('issues a code per delegate, stores only its hash, and a new code ends the old one and its sessions', async () => {
    const { context, database, clock } = await serviceContext(target);
    const { congress } = await tongliao(context);
    const ids = await addDelegates(context, congress.id, 3);
    const issued = await issueCredentials(context, ADMIN, congress.id);
    expect(issued.map((c) => c.delegateId).sort()).toEqual([...ids].sort());
    for (const credential of issued) expect(credential.credential).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    const stored = await database.db.selectFrom('delegates').select('credential_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(issued[0]!.credential);
    expect((await listDelegates(context, ADMIN, congress.id)).every((d) => d.hasCredential)).toBe(true);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('after_json')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    for (const credential of issued) expect(audit.after_json).not.toContain(credential.credential);

    const throttle = new LoginThrottle(clock);
    const first = issued[0]!;
    // Typed in lower case with a space, as people do.
    const typed = `${first.credential.slice(0, 5)} ${first.credential.slice(5)}`.toLowerCase();
    const session = await delegateLogin(context, throttle, {
      congressId: congress.id,
      code: typed,
      address: 'desk',
    });
    expect(session.delegateId).toBe(first.delegateId);
    expect(await sessionActor(context, session.token)).not.toBeNull();

    const [again] = await issueCredentials(context, ADMIN, congress.id, [first.delegateId]);
    expect(again!.credential).not.toBe(first.credential);
    await expect(
      delegateLogin(context, throttle, { congressId: congress.id, code: first.credential, address: 'desk' }),
    ).rejects.toMatchObject({ status: 401 });
    expect(await sessionActor(context, session.token)).toBeNull();
    await expect(
      delegateLogin(context, throttle, { congressId: congress.id, code: again!.credential, address: 'desk' }),
    ).resolves.toMatchObject({ delegateId: first.delegateId });

    const before = await snapshot(database);
    await expect(
      issueCredentials(context, ADMIN, congress.id, [first.delegateId, 'nobody']),
    ).rejects.toMatchObject({ field: 'delegateIds' });
    expect(await snapshot(database)).toEqual(before);
  });
});
