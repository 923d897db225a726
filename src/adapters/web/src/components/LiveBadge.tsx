import { Badge } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import type { LiveStatus } from '../lib/use-events.ts';

export function LiveBadge({
  status,
  className,
}: {
  readonly status: LiveStatus;
  readonly className?: string;
}) {
  const { t } = useI18n();
  const badge = status === 'open' ? 'success' : status === 'connecting' ? 'processing' : 'error';
  return (
    <span className={className} data-testid="live-status" data-status={status}>
      <Badge status={badge} text={<span className="live-text">{t(`live.${status}`)}</span>} />
    </span>
  );
}
