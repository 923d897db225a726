import { EditOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { type CongressView, updateCongressEndpoint } from '../../../../../../contract/congress.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { orNull } from '../../../lib/format.ts';

// 大会信息: the secretariat sets the congress's title, theme, venue and dates. Dates are typed or
// picked as the browser's date field gives them (YYYY-MM-DD); an empty field clears the value.

interface BasicsForm {
  readonly title: string;
  readonly theme?: string;
  readonly venue?: string;
  readonly startsOn?: string;
  readonly endsOn?: string;
}

export function CongressBasicsEditor({
  congress,
  onSaved,
}: {
  readonly congress: CongressView;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<BasicsForm>();
  const action = useAction();
  const save = async (values: BasicsForm) => {
    const ok = await action.run(
      'basics',
      () =>
        call(updateCongressEndpoint, {
          params: { congressId: congress.id },
          body: {
            title: values.title.trim(),
            theme: orNull(values.theme),
            venue: orNull(values.venue),
            startsOn: orNull(values.startsOn),
            endsOn: orNull(values.endsOn),
          },
        }),
      { done: t('cg.saved'), inline: true },
    );
    if (ok) {
      setOpen(false);
      onSaved();
    }
  };
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="congress-edit">
        {t('cg.edit')}
      </Button>
      <Modal
        open={open}
        title={t('cg.editTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('cg.save')}
        cancelText={t('common.cancel')}
        confirmLoading={action.busy === 'basics'}
        okButtonProps={{ 'data-testid': 'congress-save' }}
        destroyOnHidden
        width={640}
      >
        <Form<BasicsForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            title: congress.title,
            theme: congress.theme ?? '',
            venue: congress.venue ?? '',
            startsOn: congress.startsOn ?? '',
            endsOn: congress.endsOn ?? '',
          }}
          onFinish={(values) => void save(values)}
        >
          <Form.Item name="title" label={t('ov.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="theme" label={t('ov.theme')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Form.Item name="venue" label={t('ov.venue')}>
            <Input maxLength={200} data-testid="congress-venue" />
          </Form.Item>
          <div className="form-row">
            <Form.Item name="startsOn" label={t('cg.startsOn')}>
              <Input type="date" data-testid="congress-starts" />
            </Form.Item>
            <Form.Item
              name="endsOn"
              label={t('cg.endsOn')}
              dependencies={['startsOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    !value || !getFieldValue('startsOn') || value >= getFieldValue('startsOn')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('cg.endsBeforeStart'))),
                }),
              ]}
            >
              <Input type="date" data-testid="congress-ends" />
            </Form.Item>
          </div>
        </Form>
        <ErrorAlert error={action.error} />
      </Modal>
    </>
  );
}
