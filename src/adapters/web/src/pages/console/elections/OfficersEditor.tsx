import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { DelegateSelect } from '../../../components/DelegateSelect.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { api, congressUrl } from '../../../lib/api.ts';
import {
  type OfficerDraft,
  type OfficerPerson,
  officerDraftOf,
  officerProblems,
  officersBody,
} from '../../../lib/officers.ts';
import type { ElectionDetail } from '../../../lib/setup-types.ts';
import type { DelegateView } from '../../../lib/types.ts';

interface Choice {
  chief: string | null;
  deputy: string | null;
  scrutineers: string[];
  tellers: string[];
}

/**
 * [P1] The chief scrutineer (总监票人), an optional deputy and the scrutineers (监票人), chosen
 * from the electors who are not candidates in this election; [P2] the tellers (计票人) by name.
 * Logins already linked to an officer stay linked.
 */
export function OfficersEditor({
  congressId,
  election,
  delegates,
  canEdit,
  onSaved,
}: {
  readonly congressId: string;
  readonly election: ElectionDetail;
  readonly delegates: readonly DelegateView[];
  readonly canEdit: boolean;
  readonly onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const action = useAction();
  const current = officerDraftOf(election.officers);
  const [choice, setChoice] = useState<Choice | null>(null);
  const candidateNames = election.candidates.map((c) => c.name);
  // Electors (delegates with a vote) who do not stand in this election.
  const electors = useMemo(() => {
    const standing = new Set(election.candidates.map((c) => c.name));
    return delegates.filter((d) => d.votingRights && !standing.has(d.name));
  }, [delegates, election.candidates]);
  const byId = useMemo(() => new Map(delegates.map((d) => [d.id, d])), [delegates]);
  const idOf = (p: OfficerPerson | null) =>
    p ? (p.delegateId ?? delegates.find((d) => d.name === p.name)?.id ?? null) : null;

  const known = [current.chief, current.deputy, ...current.scrutineers, ...current.tellers].filter(
    (p): p is OfficerPerson => p !== null,
  );
  const personOf = (id: string | null): OfficerPerson | null => {
    const d = id ? byId.get(id) : undefined;
    if (!d) return null;
    const before = known.find((p) => p.delegateId === d.id || p.name === d.name);
    return { name: d.name, delegateId: d.id, accountId: before?.accountId ?? null };
  };
  const draftOf = (c: Choice): OfficerDraft => ({
    chief: personOf(c.chief),
    deputy: personOf(c.deputy),
    scrutineers: c.scrutineers.map(personOf).filter((p): p is OfficerPerson => p !== null),
    tellers: c.tellers.map((name) => ({
      name,
      delegateId: current.tellers.find((p) => p.name === name)?.delegateId ?? null,
      accountId: current.tellers.find((p) => p.name === name)?.accountId ?? null,
    })),
  });
  const shown = choice ? draftOf(choice) : current;
  const problems = officerProblems(shown, candidateNames);
  const problemText = problems.map((p) =>
    p.kind === 'no-chief' ? t('el.officers.noChief') : t(`el.officers.${p.kind}`, { name: p.name }),
  );
  const names = (list: readonly OfficerPerson[]) =>
    list.length === 0 ? t('common.none') : list.map((p) => p.name).join(lang === 'zh' ? '、' : ', ');

  const save = async () => {
    if (!choice) return;
    const ok = await action.run(
      'save',
      () =>
        api.put(
          congressUrl(congressId, `/elections/${encodeURIComponent(election.id)}/officers`),
          officersBody(draftOf(choice)),
        ),
      { done: t('el.officersSaved'), inline: true },
    );
    if (ok) {
      setChoice(null);
      onSaved();
    }
  };

  return (
    <div data-testid="officers-editor" data-editing={choice !== null}>
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="officer-problems"
          data-testid="officer-problems"
          title={problemText.join(lang === 'zh' ? '；' : '; ')}
        />
      )}
      <ErrorAlert error={action.error} />
      {choice === null ? (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { whiteSpace: 'nowrap', width: 120 } }}
            data-testid="officers"
          >
            <Descriptions.Item label={t('el.officers.chief')}>
              {current.chief?.name ?? t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('el.officers.deputy')}>
              {current.deputy?.name ?? t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('el.officers.scrutineers', { n: current.scrutineers.length })}>
              <span data-testid="officers-scrutineers">{names(current.scrutineers)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('el.officers.tellers', { n: current.tellers.length })}>
              <span data-testid="officers-tellers">{names(current.tellers)}</span>
            </Descriptions.Item>
          </Descriptions>
          {canEdit && (
            <Button
              className="setup-actions"
              icon={<EditOutlined />}
              onClick={() =>
                setChoice({
                  chief: idOf(current.chief),
                  deputy: idOf(current.deputy),
                  scrutineers: current.scrutineers.map(idOf).filter((id): id is string => id !== null),
                  tellers: current.tellers.map((p) => p.name),
                })
              }
              data-testid="officers-edit"
            >
              {t('el.officersEdit')}
            </Button>
          )}
        </>
      ) : (
        <Form layout="vertical" className="officers-form">
          <div className="muted small">{t('el.officers.hint', { n: electors.length })}</div>
          <Form.Item label={t('el.officers.chief')} required>
            <DelegateSelect
              delegates={electors}
              value={choice.chief}
              onChange={(chief) => setChoice({ ...choice, chief })}
              placeholder={t('el.officers.pick')}
              testId="officer-chief"
            />
          </Form.Item>
          <Form.Item label={t('el.officers.deputy')}>
            <DelegateSelect
              delegates={electors}
              value={choice.deputy}
              onChange={(deputy) => setChoice({ ...choice, deputy })}
              placeholder={t('el.officers.optional')}
              testId="officer-deputy"
            />
          </Form.Item>
          <Form.Item label={t('el.officers.scrutineers', { n: choice.scrutineers.length })}>
            <DelegateSelect
              multiple
              delegates={electors}
              value={choice.scrutineers}
              onChange={(scrutineers) => setChoice({ ...choice, scrutineers })}
              placeholder={t('el.officers.pick')}
              testId="officer-scrutineers"
            />
          </Form.Item>
          <Form.Item
            label={t('el.officers.tellers', { n: choice.tellers.length })}
            extra={t('el.officers.tellersHint')}
          >
            <Select
              mode="tags"
              value={choice.tellers}
              onChange={(tellers: string[]) =>
                setChoice({ ...choice, tellers: tellers.map((n) => n.trim()).filter((n) => n !== '') })
              }
              options={current.tellers.map((p) => ({ value: p.name, label: p.name }))}
              tokenSeparators={['、', ',', '，']}
              placeholder={t('el.officers.tellersPlaceholder')}
              data-testid="officer-tellers"
            />
          </Form.Item>
          <Space wrap>
            <Button
              type="primary"
              loading={action.busy === 'save'}
              onClick={() => void save()}
              data-testid="officers-save"
            >
              {t('el.save')}
            </Button>
            <Button
              onClick={() => {
                setChoice(null);
                action.clearError();
              }}
            >
              {t('common.cancel')}
            </Button>
          </Space>
        </Form>
      )}
    </div>
  );
}
