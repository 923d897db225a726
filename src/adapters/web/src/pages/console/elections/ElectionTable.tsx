import { Card, Table, Tag } from 'antd';
import type { ElectionSummary, ElectionView } from '../../../../../../contract/elections.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

export const ELECTION_STATUS_COLOR = {
  preparing: 'gold',
  'in-progress': 'processing',
  complete: 'green',
} as const;

/** The congress's elections: office, seats (应选名额), 差额 or 等额, the list's verdict, status. */
export function ElectionTable({
  elections,
  details,
  chosenId,
  onChoose,
}: {
  readonly elections: readonly ElectionSummary[];
  readonly details: Readonly<Record<string, ElectionView>>;
  readonly chosenId: string | undefined;
  readonly onChoose: (id: string) => void;
}) {
  const { t } = useI18n();
  const candidacy = (e: ElectionSummary) => {
    const kind = details[e.id]?.parameters.candidacy;
    return kind ? t(`el.candidacy.${kind}`) : '';
  };
  return (
    <Card className="console-card" size="small" title={t('el.list')}>
      <Table<ElectionSummary>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...elections]}
        scroll={{ x: 'max-content' }}
        onRow={(e) => ({ onClick: () => onChoose(e.id) })}
        locale={{ emptyText: t('el.none') }}
        data-testid="election-table"
        columns={[
          {
            title: t('el.col.election'),
            dataIndex: 'title',
            render: (title: string, e) => (
              <>
                <button
                  type="button"
                  className="link-button"
                  aria-current={e.id === chosenId ? 'true' : undefined}
                  onClick={() => onChoose(e.id)}
                  data-testid="election-choose"
                >
                  {title}
                </button>
                {/* On a phone the other columns give way to this line. */}
                <div className="election-meta muted small">
                  {[
                    t('el.seatsN', { n: e.seats }),
                    candidacy(e),
                    details[e.id] ? t('el.candidatesLine', { n: details[e.id]!.candidacy.candidates }) : '',
                    t(`el.status.${e.status}`),
                  ]
                    .filter((part) => part !== '')
                    .join(' · ')}
                </div>
              </>
            ),
          },
          {
            title: t('el.col.office'),
            dataIndex: 'office',
            responsive: ['lg'],
            render: (office: ElectionSummary['office']) => t(`el.office.${office}`),
          },
          {
            title: t('el.col.seats'),
            dataIndex: 'seats',
            width: 90,
            responsive: ['md'],
            render: (seats: number) => t('el.seatsN', { n: seats }),
          },
          {
            title: t('el.col.candidacy'),
            key: 'candidacy',
            width: 110,
            responsive: ['md'],
            render: (_v, e) => candidacy(e),
          },
          {
            title: t('el.col.candidates'),
            key: 'candidates',
            width: 120,
            responsive: ['md'],
            render: (_v, e) => {
              const verdict = details[e.id]?.candidacy;
              if (!verdict) return '';
              return (
                <Tag color={verdict.ok ? 'green' : 'red'}>
                  {t('el.candidatesN', { n: verdict.candidates })} [{verdict.rule}]
                </Tag>
              );
            },
          },
          {
            title: t('ov.status'),
            dataIndex: 'status',
            width: 110,
            responsive: ['md'],
            render: (status: keyof typeof ELECTION_STATUS_COLOR) => (
              <Tag color={ELECTION_STATUS_COLOR[status]}>{t(`el.status.${status}`)}</Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
