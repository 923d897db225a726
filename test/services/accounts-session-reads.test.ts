import { expect, it } from 'vitest';
import { inTransaction } from '../../src/persistence/index.ts';
import {
  createAccount,
  delegateLogin,
  login,
  SESSION_HOURS,
  sessionActor,
} from '../../src/services/accounts/account-service.ts';
import { LoginThrottle } from '../../src/services/accounts/login-throttle.ts';
import { issueCredentials } from '../../src/services/congress/credentials.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { ADMIN, addDelegates, serviceContext, tongliao } from './congress/fixtures.ts';

// Sessions are read in batches (batched-read.ts): many requests of one moment share a query. Each
// must still get exactly its own actor — a mix-up here would let one delegate vote as another.

describeEachDatabase('sessions read together', (target) => {
  it('gives each of many simultaneous requests its own delegate or account, and nothing for unknown or expired tokens', async () => {
    const { context, database, clock } = await serviceContext(target);
    const { congress } = await tongliao(context);
    await addDelegates(context, congress.id, 30);
    const issued = await issueCredentials(context, ADMIN, congress.id);
    const throttle = new LoginThrottle(clock);
    const delegates = await Promise.all(
      issued.map((credential, i) =>
        delegateLogin(context, throttle, {
          congressId: congress.id,
          code: credential.credential,
          address: `d${i}`,
        }),
      ),
    );
    await createAccount(context, ADMIN, {
      username: 'desk-1',
      displayName: '签到台一',
      password: 'a desk password',
      roles: [{ congressId: congress.id, role: 'check-in' }],
    });
    const desk = await login(context, throttle, {
      username: 'desk-1',
      password: 'a desk password',
      address: 'desk',
    });

    const tokens = [...delegates.map((d) => d.token), desk.token, 'no-such-token'];
    const views = await Promise.all(tokens.map((token) => sessionActor(context, token)));
    delegates.forEach((session, i) => {
      expect(views[i]).toMatchObject({ actor: { kind: 'delegate', delegateId: session.delegateId } });
    });
    const deskView = views[delegates.length]!;
    expect(deskView.actor).toMatchObject({ kind: 'account', username: 'desk-1' });
    expect(deskView.actor.kind === 'account' && [...deskView.actor.roles.get(congress.id)!]).toEqual([
      'check-in',
    ]);
    expect(views.at(-1)).toBeNull();
    // Every view's CSRF token is its own session's.
    expect(new Set(views.slice(0, -1).map((view) => view!.csrfToken)).size).toBe(tokens.length - 1);

    // Expired: past its hours, no session answers, however many ask at once.
    clock.advance(SESSION_HOURS * 3_600_000 + 1);
    expect(await Promise.all(tokens.map((token) => sessionActor(context, token)))).toEqual(
      tokens.map(() => null),
    );

    // Asked from inside a transaction, it refuses at once instead of waiting on its own connection.
    await expect(inTransaction(database, async () => sessionActor(context, desk.token))).rejects.toThrow(
      /inside a transaction/,
    );
  });
});
