// The console's delegate list filter, in the browser: the whole list (a few thousand at most) is
// loaded once and narrowed as the user types: characters of the name (王小), pinyin initials
// (wxq, from the list's `initials`), or the start of the code (00).

export interface FilterableDelegate {
  readonly name: string;
  readonly code: string;
  readonly initials: string;
  readonly delegationId: string | null;
}

export function filterDelegates<T extends FilterableDelegate>(
  list: readonly T[],
  text: string,
  delegationId?: string | null,
): T[] {
  const q = text.normalize('NFKC').trim().toLowerCase();
  return list.filter((d) => {
    if (delegationId && d.delegationId !== delegationId) return false;
    if (q === '') return true;
    if (d.name.toLowerCase().includes(q)) return true;
    if (d.code.toLowerCase().startsWith(q)) return true;
    return /^[a-z]+$/.test(q) && d.initials.startsWith(q);
  });
}
