import { Input, type InputRef, Modal, Radio } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { LEAVE_KINDS, type LeaveKind, noteMissing, reasonForKey } from './leave-form.ts';

/**
 * 请假 for the delegate named in the title: the reason (keys 1 / 2 / 3), a note (required for
 * "other"), Enter to confirm, Esc to cancel.
 */
export function LeaveDialog({
  open,
  name,
  onCancel,
  onSubmit,
}: {
  readonly open: boolean;
  readonly name: string;
  readonly onCancel: () => void;
  readonly onSubmit: (reason: LeaveKind, note: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState<LeaveKind>('personal');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const noteRef = useRef<InputRef>(null);

  useEffect(() => {
    if (open) {
      setReason('personal');
      setNote('');
      setMissing(false);
      setTimeout(() => noteRef.current?.focus(), 50);
    }
  }, [open]);

  const confirm = () => {
    if (noteMissing(reason, note)) {
      setMissing(true);
      noteRef.current?.focus();
      return;
    }
    onSubmit(reason, note.trim());
  };

  // While the dialog is open: 1 / 2 / 3 choose the reason (unless a note is being typed), Enter confirms.
  const confirmRef = useRef(confirm);
  confirmRef.current = confirm;
  useEffect(() => {
    if (!open) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      const chosen = reasonForKey(event.key);
      if (chosen && noteRef.current?.input?.value === '') {
        event.preventDefault();
        setReason(chosen);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        confirmRef.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);

  return (
    <Modal
      open={open}
      title={t('desk.leaveTitle', { name })}
      onCancel={onCancel}
      onOk={confirm}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={560}
    >
      <div data-testid="leave-dialog">
        <p className="muted">{t('desk.leaveKeys')}</p>
        <div className="field-label">{t('desk.reason')}</div>
        <Radio.Group
          value={reason}
          onChange={(e) => setReason(e.target.value as LeaveKind)}
          optionType="button"
          buttonStyle="solid"
          size="large"
          options={LEAVE_KINDS.map((kind, i) => ({ value: kind, label: `${i + 1} ${t(`leave.${kind}`)}` }))}
        />
        <div className="field-label" style={{ marginTop: 16 }}>
          {t('desk.note')}
        </div>
        <Input
          ref={noteRef}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setMissing(false);
          }}
          placeholder={t('desk.notePlaceholder')}
          status={missing ? 'error' : undefined}
          maxLength={200}
          data-testid="leave-note"
        />
        {missing && <div className="field-error">{t('desk.noteRequired')}</div>}
      </div>
    </Modal>
  );
}
