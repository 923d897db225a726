import { LoginOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasAny, rolesFor } from '../../lib/roles.ts';
import { useRouter } from '../../lib/router.tsx';
import { pathFor } from '../../lib/routes.ts';
import { useSession } from '../../lib/session.tsx';
import { Desk } from './Desk.tsx';
import { DeskChooser } from './DeskChooser.tsx';
import { DeskTopBar } from './DeskTopBar.tsx';

// The check-in desk (签到台): one screen per desk, one focused input. A scanner types the code on
// the delegate card and presses Enter; a person types a name, pinyin initials or a code. One match
// acts at once; several give a pick list (↑ ↓ Enter). The counts follow the event stream.
// The desk's state and requests are in use-desk.ts, its decisions in desk-logic.ts.

export default function CheckinDesk({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const { session, loading } = useSession();
  const { search, navigate, pathname } = useRouter();
  const desk = search.get('desk');
  const roles = rolesFor(session, congressId);

  if (loading || !session) {
    return (
      <div className="page-loading">
        <Spin size="large" />
      </div>
    );
  }
  if (!hasAny(roles, ['check-in', 'admin'])) {
    const signedIn = session.kind !== 'public';
    return (
      <div className="desk-page">
        <DeskTopBar congressId={congressId} desk={desk} />
        <Result
          status={signedIn ? '403' : 'info'}
          title={signedIn ? t('error.forbiddenPage') : t('error.loginFirst')}
          subTitle={t('desk.noAccess')}
          extra={
            <Button
              type="primary"
              icon={<LoginOutlined />}
              onClick={() => navigate(pathFor('login', {}, { next: pathname + window.location.search }))}
            >
              {t('nav.login')}
            </Button>
          }
        />
      </div>
    );
  }
  if (!desk) return <DeskChooser congressId={congressId} />;
  return <Desk congressId={congressId} desk={desk} />;
}
