import { Button, Result } from 'antd';
import { PageShell } from '../components/AppHeader.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRouter } from '../lib/router.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  return (
    <PageShell>
      <Result
        status="404"
        title={t('nf.title')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('nf.back')}
          </Button>
        }
      />
    </PageShell>
  );
}
