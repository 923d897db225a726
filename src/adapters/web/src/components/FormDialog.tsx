import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { ApiError } from '../lib/api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/**
 * A dialog around one form: its OK button submits the form and turns busy while the request runs,
 * the request's error shows above the form, and the form is dropped when the dialog closes (so it
 * opens fresh next time).
 */
export function FormDialog({
  title,
  okText,
  okId,
  busy,
  error,
  onSubmit,
  onClose,
  width,
  danger,
  intro,
  children,
}: {
  readonly title: ReactNode;
  readonly okText: string;
  /** The OK button's id, for tests and for the keyboard's focus. */
  readonly okId: string;
  readonly busy: boolean;
  readonly error: ApiError | undefined;
  readonly onSubmit: () => void;
  readonly onClose: () => void;
  readonly width?: number | string;
  /** An action that cannot be undone (a departure from the register) shows its button in red. */
  readonly danger?: boolean;
  /** What the dialog does, said before the form. */
  readonly intro?: ReactNode;
  readonly children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: busy, id: okId }}
      onOk={onSubmit}
      onCancel={onClose}
      destroyOnHidden
    >
      {intro}
      <ErrorAlert error={error} />
      {children}
    </Modal>
  );
}
