import { CopyOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { DelegateView } from '../../../../../../contract/delegates.ts';
import {
  copyOfficersEndpoint,
  type ElectionView,
  type StaffLogin,
  setOfficersEndpoint,
  staffLoginsEndpoint,
} from '../../../../../../contract/elections.ts';
import type { ResponseOf } from '../../../../../../contract/endpoint.ts';
import { DelegateSelect } from '../../../components/DelegateSelect.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import {
  loginsFor,
  noScrutineerLinked,
  type OfficerDraft,
  type OfficerPerson,
  officerDraftOf,
  officerProblems,
  officersBody,
  withLogin,
} from '../../../lib/officers.ts';
import { useEndpoint } from '../../../lib/use-api.ts';

interface Choice {
  chief: string | null;
  deputy: string | null;
  scrutineers: string[];
  tellers: string[];
  /** The login linked to each officer chosen: by delegate id (scrutineers) or `teller:` name. */
  logins: Record<string, string | null>;
}

const tellerKey = (name: string) => `teller:${name}`;

/**
 * [P1] The chief scrutineer (总监票人), an optional deputy and the scrutineers (监票人), chosen
 * from the electors who are not candidates in this election; [P2] the tellers (计票人) by name;
 * and the login each signs off (scrutineers) or keys ballots (tellers) with, chosen from the
 * congress's scrutineer and teller logins. A scrutineer without a login cannot sign.
 */
export function OfficersEditor({
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
  const { t, tx, lang } = useI18n();
  const action = useAction();
  // What was just saved shows until the election's reloaded view brings it back: the old
  // officers (a login not yet linked) must not flash back after 保存.
  const [justSaved, setJustSaved] = useState<OfficerDraft | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new view of the officers ends the wait.
  useEffect(() => setJustSaved(null), [election.officers]);
  const current = justSaved ?? officerDraftOf(election.officers);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [copied, setCopied] = useState<ResponseOf<typeof copyOfficersEndpoint>>();
  const staffLogins = useEndpoint(staffLoginsEndpoint, canEdit ? { params: { congressId } } : null);
  const logins = staffLogins.data ?? [];
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
    const chosen = choice?.logins[d.id];
    return {
      name: d.name,
      delegateId: d.id,
      accountId: chosen !== undefined ? chosen : (before?.accountId ?? null),
    };
  };
  const draftOf = (c: Choice): OfficerDraft => ({
    chief: personOf(c.chief),
    deputy: personOf(c.deputy),
    scrutineers: c.scrutineers.map(personOf).filter((p): p is OfficerPerson => p !== null),
    tellers: c.tellers.map((name) => {
      const chosen = c.logins[tellerKey(name)];
      return {
        name,
        delegateId: current.tellers.find((p) => p.name === name)?.delegateId ?? null,
        accountId:
          chosen !== undefined ? chosen : (current.tellers.find((p) => p.name === name)?.accountId ?? null),
      };
    }),
  });
  const shown = choice ? draftOf(choice) : current;
  const problems = officerProblems(shown, candidateNames);
  const problemText = problems.map((p) =>
    p.kind === 'no-chief' ? t('el.officers.noChief') : t(`el.officers.${p.kind}`, { name: p.name }),
  );
  const names = (list: readonly OfficerPerson[]) =>
    list.length === 0
      ? t('common.none')
      : list.map((p) => withLogin(p, logins)).join(lang === 'zh' ? '、' : ', ');
  const unlinked = noScrutineerLinked(shown);

  const save = async () => {
    if (!choice) return;
    const draft = draftOf(choice);
    const ok = await action.run(
      'save',
      () =>
        call(setOfficersEndpoint, {
          params: { congressId, electionId: election.id },
          body: officersBody(draft),
        }),
      { done: t('el.officersSaved'), inline: true },
    );
    if (ok) {
      setJustSaved(draft);
      setChoice(null);
      onSaved();
    }
  };

  // One set of scrutineers and tellers for the meeting's ballots (a plenary's three elections).
  const copy = async () => {
    let result: ResponseOf<typeof copyOfficersEndpoint> | undefined;
    const ok = await action.run(
      'copy',
      async () => {
        result = await call(copyOfficersEndpoint, { params: { congressId, electionId: election.id } });
      },
      { inline: true },
    );
    setCopied(result);
    if (ok) onSaved();
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
      {unlinked && (
        <Alert
          type="warning"
          showIcon
          className="officer-problems"
          data-testid="officer-no-login"
          title={t('el.officers.noLinkedScrutineer')}
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
              <span data-testid="officers-chief">
                {current.chief ? withLogin(current.chief, logins) : t('common.none')}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('el.officers.deputy')}>
              {current.deputy ? withLogin(current.deputy, logins) : t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('el.officers.scrutineers', { n: current.scrutineers.length })}>
              <span data-testid="officers-scrutineers">{names(current.scrutineers)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('el.officers.tellers', { n: current.tellers.length })}>
              <span data-testid="officers-tellers">{names(current.tellers)}</span>
            </Descriptions.Item>
          </Descriptions>
          {copied && (
            <Alert
              type={copied.skipped.length > 0 ? 'warning' : 'success'}
              showIcon
              className="officer-problems"
              data-testid="officers-copied"
              title={t('el.officersCopied', { n: copied.copiedTo.length })}
              description={copied.skipped
                .map((s) => `${s.title}：${tx(s.reason)}`)
                .join(lang === 'zh' ? '；' : '; ')}
            />
          )}
          {canEdit && known.length > 0 && (
            <Button
              className="setup-actions"
              style={{ marginInlineEnd: 8 }}
              icon={<CopyOutlined />}
              loading={action.busy === 'copy'}
              onClick={() => void copy()}
              data-testid="officers-copy"
            >
              {t('el.officersCopy')}
            </Button>
          )}
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
                  logins: {},
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
          <OfficerLogins
            draft={draftOf(choice)}
            logins={logins}
            onChange={(key, accountId) =>
              setChoice({ ...choice, logins: { ...choice.logins, [key]: accountId } })
            }
          />
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

/** [P2] The login each chosen officer signs off or keys with. */
function OfficerLogins({
  draft,
  logins,
  onChange,
}: {
  readonly draft: OfficerDraft;
  readonly logins: readonly StaffLogin[];
  readonly onChange: (key: string, accountId: string | null) => void;
}) {
  const { t } = useI18n();
  const scrutineers = [
    ...(draft.chief ? [{ person: draft.chief, role: t('el.officers.chief') }] : []),
    ...(draft.deputy ? [{ person: draft.deputy, role: t('el.officers.deputy') }] : []),
    ...draft.scrutineers.map((person) => ({ person, role: t('el.officers.scrutineer') })),
  ];
  const option = (l: StaffLogin) => ({ value: l.id, label: `${l.username}（${l.displayName}）` });
  const row = (key: string, label: string, person: OfficerPerson, role: 'scrutineer' | 'teller') => (
    <div key={key} className="officer-login-row" data-testid="officer-login" data-name={person.name}>
      <span className="officer-login-name">{label}</span>
      <Select
        allowClear
        style={{ width: 320, maxWidth: '100%' }}
        value={person.accountId ?? undefined}
        placeholder={t('el.officers.noLogin')}
        options={loginsFor(logins, role).map(option)}
        onChange={(value: string | undefined) => onChange(key, value ?? null)}
      />
    </div>
  );
  if (scrutineers.length === 0 && draft.tellers.length === 0) return null;
  return (
    <Form.Item label={t('el.officers.logins')} extra={t('el.officers.loginsHint')}>
      <div className="officer-logins">
        {scrutineers.map(({ person, role }) =>
          row(person.delegateId ?? person.name, `${role} ${person.name}`, person, 'scrutineer'),
        )}
        {draft.tellers.map((person) =>
          row(tellerKey(person.name), `${t('el.officers.teller')} ${person.name}`, person, 'teller'),
        )}
      </div>
    </Form.Item>
  );
}
