import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import type { ElectionMethod } from '../../../../../../contract/elections.ts';
import {
  AGENDA_KINDS,
  type AgendaItemView,
  type AgendaKind,
  BODY_KINDS,
  BODY_ROLES,
  type BodiesView,
  type BodyKind,
  type BodyRole,
  createAgendaItemEndpoint,
  type Proposal,
  type SittingView,
  updateAgendaItemEndpoint,
} from '../../../../../../contract/procedure.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { voteStage } from '../../../lib/procedure.ts';

// An agenda item: a report with its presenter and text, a written report, an adoption vote with
// how it is taken and what adopting it sets (the presidium or another body as now listed, the
// secretary-general, the agenda, the election method [P4]), an election or anything else.

type ProposalChoice = 'none' | BodyKind | 'secretary-general' | 'agenda' | 'election-method' | 'scrutineers';

/** What the form holds; a field the form does not show for the item's kind is absent. */
interface Fields {
  kind: AgendaKind;
  title: string;
  presenter?: string;
  body?: string;
  mode: 'counts' | 'electronic';
  proposal: ProposalChoice;
  secretaryGeneral?: string;
  methodId?: string | undefined;
}

function choiceOf(proposal: Proposal | null): ProposalChoice {
  if (!proposal) return 'none';
  return proposal.kind === 'body' ? proposal.body : proposal.kind;
}

export function AgendaItemForm({
  congressId,
  sitting,
  item,
  bodies,
  methods,
  onClose,
  onSaved,
}: {
  readonly congressId: string;
  readonly sitting: SittingView;
  /** null: a new item. */
  readonly item: AgendaItemView | null;
  readonly bodies: BodiesView | undefined;
  readonly methods: readonly ElectionMethod[];
  readonly onClose: () => void;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Fields>();
  const action = useAction();
  const kind = Form.useWatch('kind', form) ?? item?.kind ?? 'report';
  const choice = Form.useWatch('proposal', form) ?? choiceOf(item?.vote?.proposal ?? null);
  const stage = item ? voteStage(item) : 'unset';
  // Vote settings are fixed once the vote opens.
  const voteEditable = kind === 'adoption-vote' && (stage === 'unset' || stage === 'prepared');
  const proposal = item?.vote?.proposal ?? null;
  const initial: Fields = {
    kind: item?.kind ?? 'report',
    title: item?.title ?? '',
    presenter: item?.presenter ?? '',
    body: item?.body ?? '',
    mode: item?.vote?.mode ?? 'counts',
    proposal: choiceOf(proposal),
    secretaryGeneral: proposal?.kind === 'secretary-general' ? proposal.name : '',
    methodId:
      proposal?.kind === 'election-method'
        ? proposal.methodId
        : methods.find((m) => m.status !== 'adopted')?.id,
  };
  const members = (body: BodyKind) => bodies?.bodies.find((b) => b.body === body)?.members ?? [];

  const proposalOf = (fields: Fields): Proposal | null => {
    switch (fields.proposal) {
      case 'none':
        return null;
      case 'secretary-general':
        return { kind: 'secretary-general', name: (fields.secretaryGeneral ?? '').trim() };
      case 'agenda':
        return { kind: 'agenda' };
      case 'election-method':
        return { kind: 'election-method', ...(fields.methodId ? { methodId: fields.methodId } : {}) };
      case 'scrutineers':
        return { kind: 'scrutineers' };
      default:
        // The body as it is listed now is what the sitting adopts.
        return {
          kind: 'body',
          body: fields.proposal,
          members: members(fields.proposal).map((m) => ({
            delegateId: m.delegateId,
            role: BODY_ROLES.includes(m.role as BodyRole) ? (m.role as BodyRole) : 'member',
            rank: m.rank,
          })),
        };
    }
  };

  const save = async (fields: Fields) => {
    // Only the fields the form shows for this kind of item are sent (a hidden one is left as it is).
    const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
    const content = {
      title: fields.title.trim(),
      ...(kind === 'report' || kind === 'other' ? { presenter: text(fields.presenter) } : {}),
      ...(kind !== 'election' ? { body: text(fields.body) } : {}),
      ...(voteEditable ? { vote: { mode: fields.mode, proposal: proposalOf(fields) } } : {}),
    };
    const ok = await action.run(
      'save',
      () =>
        item
          ? call(updateAgendaItemEndpoint, { params: { congressId, itemId: item.id }, body: content })
          : call(createAgendaItemEndpoint, {
              params: { congressId, sittingId: sitting.id },
              body: { kind: fields.kind, ...content },
            }),
      { done: t('sit.saved'), inline: true },
    );
    if (ok) onSaved();
  };

  const proposalOptions: { value: ProposalChoice; label: string; disabled?: boolean }[] = [
    { value: 'none', label: t('sit.proposal.none') },
    ...BODY_KINDS.map((body) => ({
      value: body,
      label: t('sit.proposal.body', { body: t(`body.${body}`), n: members(body).length }),
      disabled: members(body).length === 0,
    })),
    { value: 'secretary-general', label: t('sit.proposal.secretary-general') },
    { value: 'agenda', label: t('sit.proposal.agenda') },
    { value: 'election-method', label: t('sit.proposal.election-method'), disabled: methods.length === 0 },
    { value: 'scrutineers', label: t('sit.proposal.scrutineers') },
  ];

  return (
    <Modal
      open
      width={640}
      title={item ? t('sit.agendaEdit') : t('sit.agendaAdd')}
      okText={t('sit.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={action.busy === 'save'}
      okButtonProps={{ id: 'agenda-save' }}
      destroyOnHidden
    >
      <ErrorAlert error={action.error} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(f) => void save(f)}>
        {!item && (
          <Form.Item name="kind" label={t('sit.field.agendaKind')}>
            <Radio.Group
              optionType="button"
              options={AGENDA_KINDS.filter(
                (k) => k !== 'adoption-vote' || sitting.kind !== 'delegation-discussion',
              ).map((k) => ({ value: k, label: t(`sit.agendaKind.${k}`) }))}
              data-testid="agenda-kind"
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('sit.field.agendaTitle')}
          rules={[{ required: true, whitespace: true, message: t('sit.titleRequired') }]}
        >
          <Input maxLength={200} data-testid="agenda-title-input" />
        </Form.Item>
        {(kind === 'report' || kind === 'other') && (
          <Form.Item name="presenter" label={t('sit.field.presenter')}>
            <Input maxLength={100} data-testid="agenda-presenter" />
          </Form.Item>
        )}
        {kind !== 'election' && (
          <Form.Item name="body" label={t('sit.field.body')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} data-testid="agenda-body" />
          </Form.Item>
        )}
        {kind === 'adoption-vote' && !voteEditable && (
          <Alert type="info" showIcon title={t('sit.voteFixed')} />
        )}
        {voteEditable && (
          <>
            <Form.Item name="mode" label={t('sit.field.voteMode')}>
              <Radio.Group
                options={[
                  { value: 'counts', label: t('sit.voteMode.counts') },
                  { value: 'electronic', label: t('sit.voteMode.electronic') },
                ]}
                data-testid="agenda-mode"
              />
            </Form.Item>
            <Form.Item name="proposal" label={t('sit.field.proposal')} extra={t('sit.proposalHint')}>
              <Select options={proposalOptions} data-testid="agenda-proposal" />
            </Form.Item>
            {choice === 'secretary-general' && (
              <Form.Item
                name="secretaryGeneral"
                label={t('ov.secretaryGeneral')}
                rules={[{ required: true, whitespace: true, message: t('sit.nameRequired') }]}
              >
                <Input maxLength={50} data-testid="agenda-secretary-general" />
              </Form.Item>
            )}
            {choice === 'election-method' && (
              <Form.Item name="methodId" label={t('el.method')}>
                <Select options={methods.map((m) => ({ value: m.id, label: m.title }))} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
