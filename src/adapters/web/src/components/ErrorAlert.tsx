import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import type { ApiError } from '../lib/api.ts';

/** An API error in the active language, with the rule it cites and a retry button. */
export function ErrorAlert({
  error,
  onRetry,
}: {
  readonly error: ApiError | undefined;
  readonly onRetry?: () => void;
}) {
  const { t, tx } = useI18n();
  if (!error) return null;
  const rule = error.rule ? ` [${error.rule}]` : '';
  return (
    <Alert
      type="error"
      showIcon
      title={t('error.title')}
      description={`${tx(error)}${rule}`}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
