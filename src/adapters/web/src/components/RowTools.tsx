import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

/** Up, down and remove for one row of an ordered list in a form (antd Form.List's move and remove). */
export function RowTools({
  index,
  count,
  move,
  remove,
}: {
  readonly index: number;
  readonly count: number;
  readonly move: (from: number, to: number) => void;
  readonly remove: (index: number) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="cm-row-tools">
      <Button
        size="small"
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        onClick={() => move(index, index - 1)}
        aria-label={t('cm.up')}
      />
      <Button
        size="small"
        icon={<ArrowDownOutlined />}
        disabled={index === count - 1}
        onClick={() => move(index, index + 1)}
        aria-label={t('cm.down')}
      />
      <Button
        size="small"
        icon={<DeleteOutlined />}
        onClick={() => remove(index)}
        aria-label={t('cm.remove')}
      />
    </div>
  );
}
