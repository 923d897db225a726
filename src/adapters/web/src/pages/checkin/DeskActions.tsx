import { Button } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

/** The desk's buttons, each with its key: leave (F2) and check-out (F4) act on the delegate in hand. */
export function DeskActions({
  hasSubject,
  onLeave,
  onCheckOut,
  onCancelLeave,
  onClear,
}: {
  readonly hasSubject: boolean;
  readonly onLeave: () => void;
  readonly onCheckOut: () => void;
  /** Shown for a delegate on leave. */
  readonly onCancelLeave: (() => void) | undefined;
  readonly onClear: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="desk-actions">
      <Button size="large" onClick={onLeave} disabled={!hasSubject} data-testid="desk-leave">
        <kbd>F2</kbd> {t('desk.leave')}
      </Button>
      <Button size="large" onClick={onCheckOut} disabled={!hasSubject} data-testid="desk-checkout">
        <kbd>F4</kbd> {t('desk.checkOut')}
      </Button>
      {onCancelLeave && (
        <Button size="large" onClick={onCancelLeave} data-testid="desk-cancel-leave">
          {t('desk.cancelLeave')}
        </Button>
      )}
      <Button size="large" onClick={onClear}>
        <kbd>Esc</kbd> {t('desk.clear')}
      </Button>
    </div>
  );
}

/** The keys, as a line under the buttons. */
export function DeskKeys() {
  const { t } = useI18n();
  return (
    <div className="desk-keys">
      <span>
        <kbd>{t('desk.key.enter')}</kbd> {t('desk.key.enterDo')}
      </span>
      <span>
        <kbd>↑</kbd>
        <kbd>↓</kbd> {t('desk.key.arrowsDo')}
      </span>
      <span>
        <kbd>Esc</kbd> {t('desk.key.escDo')}
      </span>
      <span>
        <kbd>F2</kbd> {t('desk.key.f2Do')}
      </span>
      <span>
        <kbd>F4</kbd> {t('desk.key.f4Do')}
      </span>
    </div>
  );
}
