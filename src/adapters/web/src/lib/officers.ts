import type { Officer, OfficerRole, Signature, setOfficersEndpoint } from '../../../../contract/elections.ts';
import type { BodyIn } from '../../../../contract/endpoint.ts';

// The scrutineers (总监票人, 副总监票人, 监票人) [P1] and tellers (计票人) [P2] of an election as
// the officers form edits them, and back to the body of PUT …/officers. Accounts linked to an
// officer (the scrutineer's and the tellers' logins) are kept when the list is saved again.

export interface OfficerPerson {
  readonly name: string;
  readonly delegateId: string | null;
  readonly accountId: string | null;
}

export interface OfficerDraft {
  readonly chief: OfficerPerson | null;
  readonly deputy: OfficerPerson | null;
  readonly scrutineers: readonly OfficerPerson[];
  readonly tellers: readonly OfficerPerson[];
}

const person = (o: Officer): OfficerPerson => ({
  name: o.name,
  delegateId: o.delegateId ?? null,
  accountId: o.accountId ?? null,
});

export function officerDraftOf(officers: readonly Officer[]): OfficerDraft {
  const of = (role: OfficerRole) => officers.filter((o) => o.role === role).map(person);
  return {
    chief: of('chief-scrutineer')[0] ?? null,
    deputy: of('deputy-chief-scrutineer')[0] ?? null,
    scrutineers: of('scrutineer'),
    tellers: of('teller'),
  };
}

/** The body of PUT …/officers. */
export type OfficersBody = BodyIn<typeof setOfficersEndpoint>;
export type OfficerInput = OfficersBody['officers'][number];

export function officersBody(draft: OfficerDraft): OfficersBody {
  const input = (role: OfficerRole, p: OfficerPerson): OfficerInput => ({
    role,
    name: p.name,
    ...(p.delegateId ? { delegateId: p.delegateId } : {}),
    ...(p.accountId ? { accountId: p.accountId } : {}),
  });
  return {
    officers: [
      ...(draft.chief ? [input('chief-scrutineer', draft.chief)] : []),
      ...(draft.deputy ? [input('deputy-chief-scrutineer', draft.deputy)] : []),
      ...draft.scrutineers.map((p) => input('scrutineer', p)),
      ...draft.tellers.map((p) => input('teller', p)),
    ],
  };
}

export type OfficerProblem =
  | { readonly kind: 'no-chief' }
  | { readonly kind: 'candidate'; readonly name: string }
  | { readonly kind: 'twice'; readonly name: string };

/**
 * What the form warns about before saving: [P1] a chief scrutineer is required, and no
 * scrutineer may stand in the election or hold two places. The server checks it all again.
 */
export function officerProblems(draft: OfficerDraft, candidateNames: readonly string[]): OfficerProblem[] {
  const scrutineers = [draft.chief, draft.deputy, ...draft.scrutineers].filter(
    (p): p is OfficerPerson => p !== null,
  );
  const problems: OfficerProblem[] = [];
  if (!draft.chief) problems.push({ kind: 'no-chief' });
  const standing = new Set(candidateNames);
  const seen = new Set<string>();
  for (const p of scrutineers) {
    if (standing.has(p.name)) problems.push({ kind: 'candidate', name: p.name });
    if (seen.has(p.name)) problems.push({ kind: 'twice', name: p.name });
    seen.add(p.name);
  }
  return problems;
}

/** [P2] Scrutineers are named but none is linked to a login: nobody could sign off the count. */
export function noScrutineerLinked(draft: OfficerDraft): boolean {
  const scrutineers = [draft.chief, draft.deputy, ...draft.scrutineers].filter(
    (p): p is OfficerPerson => p !== null,
  );
  return scrutineers.length > 0 && scrutineers.every((p) => !p.accountId);
}

/** An officer with the login linked to them, as the officers list shows it: 王宁（scrutineer1）. */
export function withLogin(
  person: OfficerPerson,
  logins: readonly { readonly id: string; readonly username: string }[],
): string {
  const login = person.accountId ? logins.find((l) => l.id === person.accountId) : undefined;
  return login ? `${person.name}（${login.username}）` : person.name;
}

/** The logins a role may be linked to: scrutineer logins for scrutineers, teller logins for tellers. */
export function loginsFor<L extends { readonly roles: readonly string[] }>(
  logins: readonly L[],
  role: 'scrutineer' | 'teller',
): L[] {
  return logins.filter((l) => l.roles.includes(role));
}

/** The signatures under a count as they are read: 总监票人王宁、监票人刘洋 [P2]. */
export function signatureText(
  signatures: readonly Signature[],
  roleText: (role: Signature['role']) => string,
  separator: string,
): string {
  return signatures.map((s) => `${roleText(s.role)}${s.name}`).join(separator);
}
