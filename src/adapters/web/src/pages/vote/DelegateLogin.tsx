import { useDelegateLogin } from './use-delegate-login.ts';
import { useVoteI18n } from './vote-i18n.tsx';
import { Button, ErrorNote, Panel } from './vote-ui.tsx';

/** The credential code on the delegate card, typed or read from the QR code. */
export function DelegateLogin({
  congressId,
  onDone,
}: {
  readonly congressId: string;
  readonly onDone: () => Promise<unknown>;
}) {
  const { t } = useVoteI18n();
  const login = useDelegateLogin(congressId, onDone);
  return (
    <Panel title={t('vote.login')}>
      <ErrorNote error={login.error} />
      <p>{t('vote.loginHelp')}</p>
      <form
        className="v-row vote-login"
        onSubmit={(e) => {
          e.preventDefault();
          login.submit();
        }}
      >
        <input
          className="v-input"
          value={login.code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-label={t('vote.code')}
          placeholder={t('vote.code')}
          onChange={(e) => login.setCode(e.target.value)}
          data-testid="vote-code"
        />
        <Button type="submit" primary busy={login.busy} disabled={!login.ready} data-testid="vote-login">
          {t('vote.enter')}
        </Button>
      </form>
    </Panel>
  );
}
