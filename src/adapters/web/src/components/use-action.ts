import { App as AntApp } from 'antd';
import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../lib/api.ts';

// One write from a button or a form: which one is busy, a short confirmation when it succeeded,
// and the server's refusal in the active language with the rule it cites — kept for the form to
// show beside its fields, or shown as a message for a button.

export interface Action {
  /** The key of the write under way, for the button's spinner. */
  readonly busy: string | undefined;
  /** The last refusal of a write that asked to keep it (`inline`), until the next write. */
  readonly error: ApiError | undefined;
  run(
    key: string,
    write: () => Promise<unknown>,
    options?: { readonly done?: string; readonly inline?: boolean },
  ): Promise<boolean>;
  clearError(): void;
}

export function useAction(): Action {
  const { tx } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const run = useCallback<Action['run']>(
    async (key, write, options = {}) => {
      setBusy(key);
      setError(undefined);
      try {
        await write();
        if (options.done) void message.success(options.done);
        return true;
      } catch (caught) {
        const refusal = asApiError(caught);
        if (options.inline) setError(refusal);
        else void message.error(`${tx(refusal)}${refusal.rule ? ` [${refusal.rule}]` : ''}`, 6);
        return false;
      } finally {
        setBusy(undefined);
      }
    },
    [message, tx],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { busy, error, run, clearError };
}
