import { useSession } from '../../lib/session.tsx';
import { DelegateLogin } from './DelegateLogin.tsx';
import { VoteDesk } from './VoteDesk.tsx';
import { useVoteI18n } from './vote-i18n.tsx';
import { Busy } from './vote-ui.tsx';

// 代表电子投票, phone width first: log in with the credential code (or ?code= from the QR code),
// the open round's ballot laid out like the paper one, a confirmation, the receipt code, and a
// receipt check against the list published once the round has closed. Rounds opening and closing
// arrive on the event stream: a delegate waiting in the hall never has to reload.
// This page is the light entry (vote.html): plain markup, no component library.

export function DelegateVote({ congressId }: { readonly congressId: string }) {
  const { t, lang, setLang } = useVoteI18n();
  const { session, loading, refresh } = useSession();
  const signedIn = session?.kind === 'delegate' && session.congressId === congressId;
  return (
    <div className="vote-page">
      <header className="v-top">
        <h1 className="v-title">{t('vote.title')}</h1>
        <button
          type="button"
          className="v-lang"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          data-testid="lang-switch"
        >
          {t('lang.switchTo')}
        </button>
      </header>
      <main className="v-main">
        {loading ? (
          <Busy />
        ) : signedIn ? (
          <VoteDesk congressId={congressId} name={session?.name ?? ''} />
        ) : (
          <DelegateLogin congressId={congressId} onDone={refresh} />
        )}
      </main>
    </div>
  );
}
