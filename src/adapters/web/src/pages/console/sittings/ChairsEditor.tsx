import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useMemo, useState } from 'react';
import type { DelegateView } from '../../../../../../contract/delegates.ts';
import {
  type BodiesView,
  type SittingView,
  setChairsEndpoint,
} from '../../../../../../contract/procedure.ts';
import { DelegateSelect } from '../../../components/DelegateSelect.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';

/**
 * [P3] The executive chairs (大会执行主席) of a sitting, in the order they are announced, chosen
 * from the presidium's members by name or pinyin initials.
 */
export function ChairsEditor({
  congressId,
  sitting,
  bodies,
  delegates,
  canEdit,
  onChanged,
}: {
  readonly congressId: string;
  readonly sitting: SittingView;
  readonly bodies: BodiesView | undefined;
  readonly delegates: readonly DelegateView[];
  readonly canEdit: boolean;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [draft, setDraft] = useState<string[] | null>(null);
  const presidium = useMemo(() => {
    const members = new Set(
      bodies?.bodies.find((b) => b.body === 'presidium')?.members.map((m) => m.delegateId) ?? [],
    );
    return delegates.filter((d) => members.has(d.id));
  }, [bodies, delegates]);

  const save = async () => {
    if (!draft) return;
    const ok = await action.run(
      'chairs',
      () =>
        call(setChairsEndpoint, {
          params: { congressId, sittingId: sitting.id },
          body: { delegateIds: draft },
        }),
      { done: t('sit.chairsSaved'), inline: true },
    );
    if (ok) {
      setDraft(null);
      onChanged();
    }
  };

  return (
    <Card
      className="console-card"
      size="small"
      title={`${t('sit.chairs')} · ${t('common.persons', { n: sitting.chairs.length })}`}
      extra={
        canEdit &&
        draft === null && (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setDraft(sitting.chairs.map((c) => c.delegateId))}
            data-testid="chairs-edit"
          >
            {t('sit.edit')}
          </Button>
        )
      }
      data-testid="chairs-card"
    >
      {draft === null ? (
        sitting.chairs.length === 0 ? (
          <span className="muted">{t('sit.noChairs')}</span>
        ) : (
          <ol className="name-chips" data-testid="chairs">
            {sitting.chairs.map((c) => (
              <li key={c.delegateId}>{c.name}</li>
            ))}
          </ol>
        )
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ErrorAlert error={action.error} />
          <span className="muted small">{t('sit.chairsHint', { n: presidium.length })}</span>
          <DelegateSelect
            multiple
            delegates={presidium}
            value={draft}
            onChange={setDraft}
            placeholder={t('sit.chairsPick')}
            testId="chairs-select"
          />
          <Space wrap>
            <Button
              type="primary"
              loading={action.busy === 'chairs'}
              onClick={() => void save()}
              data-testid="chairs-save"
            >
              {t('sit.save')}
            </Button>
            <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}
