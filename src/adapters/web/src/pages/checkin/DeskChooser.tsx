import { Button } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRouter } from '../../lib/router.tsx';
import { pathFor } from '../../lib/routes.ts';
import { DeskTopBar } from './DeskTopBar.tsx';

const DESKS = Array.from({ length: 12 }, (_, i) => String(i + 1));

/** A machine without ?desk= asks which desk it is. */
export function DeskChooser({ congressId }: { readonly congressId: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  return (
    <div className="desk-page">
      <DeskTopBar congressId={congressId} desk={null} />
      <main className="desk-chooser">
        <h2>{t('desk.pickDesk')}</h2>
        <div className="desk-chooser-grid">
          {DESKS.map((n) => (
            <Button
              key={n}
              size="large"
              onClick={() => navigate(pathFor('checkin', { congressId }, { desk: n }), { replace: true })}
            >
              {t('desk.deskNo', { n })}
            </Button>
          ))}
        </div>
      </main>
    </div>
  );
}
