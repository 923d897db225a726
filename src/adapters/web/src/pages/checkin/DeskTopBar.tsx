import { HomeOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { publicCongressEndpoint } from '../../../../../contract/congress.ts';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { sessionName } from '../../lib/roles.ts';
import { Link, useRouter } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useEndpoint } from '../../lib/use-api.ts';

/** The desk's dark bar: home, the congress and the desk's number, the language and who is signed in. */
export function DeskTopBar({
  congressId,
  desk,
  children,
}: {
  readonly congressId: string;
  readonly desk: string | null;
  readonly children?: ReactNode;
}) {
  const { t } = useI18n();
  const { session, logout } = useSession();
  const { navigate } = useRouter();
  const basics = useEndpoint(publicCongressEndpoint, { params: { congressId } });
  const who = sessionName(session);
  return (
    <header className="desk-topbar">
      <Link to="/" className="desk-home" aria-label={t('nav.home')}>
        <HomeOutlined />
      </Link>
      <div className="desk-titles">
        <div className="desk-congress">{basics.data?.title ?? ''}</div>
        <div className="desk-name" data-testid="desk-name">
          {desk ? t('desk.deskNo', { n: desk }) : t('desk.title')}
        </div>
      </div>
      <div className="desk-topbar-tools">
        {children}
        <LangSwitch ghost />
        {session && session.kind !== 'public' && (
          <Button
            type="text"
            size="small"
            className="on-dark"
            icon={<LogoutOutlined />}
            title={t('nav.logout')}
            onClick={() => void logout().then(() => navigate('/'))}
          >
            <span className="hide-narrow">{who}</span>
          </Button>
        )}
      </div>
    </header>
  );
}
