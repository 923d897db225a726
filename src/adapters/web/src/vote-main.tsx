import { createRoot } from 'react-dom/client';
import { RouterProvider, useRouter } from './lib/router.tsx';
import { SessionProvider } from './lib/session.tsx';
import { DelegateVote } from './pages/vote/DelegateVote.tsx';
import { VoteI18nProvider } from './pages/vote/vote-i18n.tsx';
import './vote-page.css';

// The light entry (vote.html) for the delegate's phone at /c/:congressId/vote: React and the
// contract's `call`, but none of the console's component library, charts or dictionaries. A hall
// of 3,000 phones opens it at once on one Wi-Fi; see vite.vote.config.ts for what it leaves out.

function VoteApp() {
  const { route } = useRouter();
  // The server sends this page only for the delegate's address; anything else goes to the console.
  if (route.name !== 'vote') {
    window.location.replace('/');
    return null;
  }
  return <DelegateVote congressId={route.params.congressId!} />;
}

// The console's app reloads once to reach this page (App.tsx, FullPageLoad); arrived, it may again.
sessionStorage.removeItem('plenum.fullLoad');

createRoot(document.getElementById('root')!).render(
  <VoteI18nProvider>
    <RouterProvider>
      <SessionProvider>
        <VoteApp />
      </SessionProvider>
    </RouterProvider>
  </VoteI18nProvider>,
);
