import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Alert, Button, Input, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { DelegateView } from '../../../../../../contract/delegates.ts';
import {
  type CandidacyVerdict,
  type Candidate,
  type ElectionView,
  setCandidatesEndpoint,
} from '../../../../../../contract/elections.ts';
import { DelegateSelect } from '../../../components/DelegateSelect.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { ballotOrderKind, checkCandidateList, normaliseName } from '../../../lib/candidate-check.ts';
import { CandidacyCheck } from './CandidacyCheck.tsx';

/** A candidate as the list is edited: what the secretariat enters (the server gives the id and rank). */
type DraftCandidate = Pick<Candidate, 'name' | 'delegateId' | 'gender' | 'ethnicity' | 'position'>;

/**
 * The candidate list (候选人名单): shown in ballot order as the server returns it [C3]; edited by
 * the secretariat while the election is in preparation, with [C1]/[C2] checked as it changes.
 * A list that breaks the rule is kept as a draft but cannot be put to a vote.
 */
export function CandidateEditor({
  congressId,
  election,
  delegates,
  canEdit,
  onSaved,
}: {
  readonly congressId: string;
  readonly election: ElectionView;
  readonly delegates: readonly DelegateView[];
  readonly canEdit: boolean;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [draft, setDraft] = useState<DraftCandidate[] | null>(null);
  const [typed, setTyped] = useState('');
  const [saved, setSaved] = useState<CandidacyVerdict>();
  const shown: readonly DraftCandidate[] = draft ?? election.candidates;
  const check = checkCandidateList(
    election.candidacy,
    shown.map((c) => c.name),
  );
  const order = ballotOrderKind(election.office);
  const choosable = useMemo(() => {
    const listed = new Set(shown.map((c) => c.delegateId));
    return delegates.filter((d) => !listed.has(d.id));
  }, [delegates, shown]);

  const edit = (change: (list: DraftCandidate[]) => DraftCandidate[]) =>
    setDraft((list) => change([...(list ?? election.candidates)]));
  const addDelegate = (id: string | null) => {
    const d = delegates.find((x) => x.id === id);
    if (!d) return;
    edit((list) => [
      ...list,
      { name: d.name, delegateId: d.id, gender: d.gender, ethnicity: d.ethnicity, position: d.position },
    ]);
  };
  const addTyped = () => {
    const name = normaliseName(typed);
    if (!name) return;
    edit((list) => [...list, { name, delegateId: null, gender: null, ethnicity: null, position: null }]);
    setTyped('');
  };
  const move = (index: number, by: -1 | 1) =>
    edit((list) => {
      const [item] = list.splice(index, 1);
      list.splice(index + by, 0, item!);
      return list;
    });
  const save = async () => {
    if (!draft) return;
    const optional = (key: string, value: string | null) => (value ? { [key]: value } : {});
    const ok = await action.run(
      'save',
      async () => {
        const answer = await call(setCandidatesEndpoint, {
          params: { congressId, electionId: election.id },
          body: {
            candidates: draft.map((c) => ({
              name: normaliseName(c.name),
              ...optional('delegateId', c.delegateId),
              ...optional('gender', c.gender),
              ...optional('ethnicity', c.ethnicity),
              ...optional('position', c.position),
            })),
          },
        });
        setSaved(answer.verdict);
      },
      { done: t('el.candidatesSaved'), inline: true },
    );
    if (ok) {
      setDraft(null);
      onSaved();
    }
  };
  const gender = (g: string | null) =>
    g === 'male' || g === '男'
      ? t('dl.gender.male')
      : g === 'female' || g === '女'
        ? t('dl.gender.female')
        : (g ?? '');

  return (
    <div className="candidate-editor" data-testid="candidate-editor" data-editing={draft !== null}>
      <CandidacyCheck check={check} />
      {saved && !saved.ok && draft === null && (
        <Alert
          type="warning"
          showIcon
          className="candidate-saved-warning"
          title={t('el.savedAsDraft', { rule: saved.rule })}
        />
      )}
      <ErrorAlert error={action.error} />
      <div className="candidate-toolbar">
        <span className="muted" data-testid="ballot-order">
          {t(`el.order.${order}`)}
        </span>
        {canEdit && draft === null && (
          <Button
            icon={<EditOutlined />}
            onClick={() => setDraft([...election.candidates])}
            data-testid="candidates-edit"
          >
            {t('el.candidatesEdit')}
          </Button>
        )}
        {draft !== null && (
          <Space wrap>
            <span className="muted small">{t('el.saveHint')}</span>
            <Button
              onClick={() => {
                setDraft(null);
                action.clearError();
              }}
              data-testid="candidates-cancel"
            >
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              loading={action.busy === 'save'}
              onClick={() => void save()}
              data-testid="candidates-save"
            >
              {t('el.candidatesSave')}
            </Button>
          </Space>
        )}
      </div>
      {draft !== null && (
        <div className="candidate-add">
          <DelegateSelect
            delegates={choosable}
            value={null}
            onChange={addDelegate}
            placeholder={t('el.addCandidate')}
            testId="candidate-add"
            style={{ minWidth: 220, flex: '1 1 260px' }}
          />
          <Space.Compact style={{ flex: '1 1 220px' }}>
            <Input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onPressEnter={addTyped}
              placeholder={t('el.addByName')}
              maxLength={40}
              aria-label={t('el.addByName')}
            />
            <Button icon={<UserAddOutlined />} onClick={addTyped} disabled={!typed.trim()}>
              {t('el.add')}
            </Button>
          </Space.Compact>
        </div>
      )}
      <Table<DraftCandidate>
        size="small"
        rowKey={(c) => c.delegateId ?? `name:${c.name}`}
        pagination={false}
        dataSource={[...shown]}
        scroll={{ x: 'max-content', y: 420 }}
        data-testid="candidate-table"
        columns={[
          { title: '#', width: 48, render: (_v, _c, index) => index + 1 },
          {
            title: t('dl.col.name'),
            dataIndex: 'name',
            width: 110,
            render: (name: string) => <strong data-testid="candidate-name">{name}</strong>,
          },
          { title: t('dl.col.gender'), dataIndex: 'gender', width: 64, render: gender },
          { title: t('dl.col.ethnicity'), dataIndex: 'ethnicity', width: 90, responsive: ['sm'] },
          { title: t('dl.col.position'), dataIndex: 'position', responsive: ['md'] },
          ...(draft !== null
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: order === 'strokes' ? 48 : 120,
                  render: (_v: unknown, c: DraftCandidate, index: number) => (
                    <Space size={2}>
                      {order !== 'strokes' && (
                        <>
                          <Button
                            size="small"
                            type="text"
                            icon={<ArrowUpOutlined />}
                            disabled={index === 0}
                            aria-label={t('el.moveUp', { name: c.name })}
                            onClick={() => move(index, -1)}
                          />
                          <Button
                            size="small"
                            type="text"
                            icon={<ArrowDownOutlined />}
                            disabled={index === shown.length - 1}
                            aria-label={t('el.moveDown', { name: c.name })}
                            onClick={() => move(index, 1)}
                          />
                        </>
                      )}
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('sit.remove', { name: c.name })}
                        title={t('sit.remove', { name: c.name })}
                        onClick={() => edit((list) => list.filter((_x, i) => i !== index))}
                        data-testid="candidate-remove"
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
