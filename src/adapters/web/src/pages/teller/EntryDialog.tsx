import { Input, Modal } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { EntryDialog as Dialog } from './teller-logic.ts';

/** A name written in, or the reason a sheet is void: one line, Enter confirms. */
export function EntryDialog({
  dialog,
  text,
  onText,
  onOk,
  onCancel,
}: {
  readonly dialog: Dialog | null;
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly onOk: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={dialog !== null}
      title={dialog === 'void' ? t('teller.voidSheet') : t('teller.addWriteIn')}
      onOk={onOk}
      onCancel={onCancel}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Input
        autoFocus
        value={text}
        maxLength={dialog === 'void' ? 200 : 64}
        placeholder={dialog === 'void' ? t('teller.voidReason') : t('teller.writeInName')}
        onChange={(e) => onText(e.target.value)}
        onPressEnter={onOk}
      />
    </Modal>
  );
}
