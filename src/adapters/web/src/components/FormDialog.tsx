import { type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { ApiError } from '../lib/api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import type { Action } from './use-action.ts';

/**
 * A dialog around one form: its OK button submits the form and turns busy while the request runs,
 * the request's error shows above the form, and the form is dropped when the dialog closes (so it
 * opens fresh next time).
 */
export function FormDialog({
  title,
  okText,
  okId,
  form,
  action,
  error = action.error,
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
  /** The form the OK button submits. */
  readonly form: FormInstance;
  /** The form's request: the button is busy while it runs, and its error is shown. */
  readonly action: Pick<Action, 'busy' | 'error'>;
  /** What to show instead of the request's error (e.g. the dialog's own data failed to load). */
  readonly error?: ApiError | undefined;
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
      okButtonProps={{ danger, loading: action.busy !== undefined, id: okId }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {intro}
      <ErrorAlert error={error} />
      {children}
    </Modal>
  );
}
