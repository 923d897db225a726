import { useCallback, useEffect, useRef, useState } from 'react';
import { delegateLoginEndpoint } from '../../../../../contract/session.ts';
import { type ApiError, asApiError, call, setCsrfToken } from '../../lib/api.ts';
import { useRouter } from '../../lib/router.tsx';

/** The shortest credential the login accepts (the endpoint's own minimum). */
export const MIN_CODE_LENGTH = 4;

/**
 * The delegate's login with the credential code: typed, or from ?code= of the QR code (tried once,
 * then taken out of the address bar). `onDone` reads the new session.
 */
export function useDelegateLogin(congressId: string, onDone: () => Promise<unknown>) {
  const { search, pathname, navigate } = useRouter();
  const [code, setCode] = useState(search.get('code') ?? '');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const tried = useRef(false);

  const login = useCallback(
    async (value: string) => {
      setBusy(true);
      try {
        const grant = await call(delegateLoginEndpoint, {
          params: { congressId },
          body: { code: value.trim() },
        });
        setCsrfToken(grant.csrfToken);
        // The credential does not stay in the address bar.
        if (search.get('code')) navigate(pathname, { replace: true });
        await onDone();
      } catch (caught) {
        setError(asApiError(caught));
      } finally {
        setBusy(false);
      }
    },
    [congressId, onDone, navigate, pathname, search],
  );

  useEffect(() => {
    const fromQr = search.get('code');
    if (fromQr && !tried.current) {
      tried.current = true;
      void login(fromQr);
    }
  }, [search, login]);

  const ready = code.trim().length >= MIN_CODE_LENGTH;
  return { code, setCode, error, busy, ready, submit: () => ready && void login(code) };
}
