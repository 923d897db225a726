import { CheckCircleOutlined, InboxOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Steps, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import {
  commitDelegateImportEndpoint,
  type DelegateDraft,
  type DelegateImportDone,
  type DelegateImportPreview,
  type DelegateImportRefusal,
  type ImportRowIssue,
  previewDelegateImportEndpoint,
} from '../../../../../contract/delegates.ts';
import type { BodyIn } from '../../../../../contract/endpoint.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError, call } from '../../lib/api.ts';
import { useRouter } from '../../lib/router.tsx';
import { pathFor } from '../../lib/routes.ts';

// Import a delegate list in two steps: the server reads and checks the file (preview, row by
// row, in both languages); the commit sends the same file back with the preview's sha256 and
// writes every row or none.

/** The file as the preview takes it; the commit sends it again with the preview's sha256. */
type UploadBody = BodyIn<typeof previewDelegateImportEndpoint>;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const FIELD_KEYS = [
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'joinedDate',
  'position',
  'delegation',
  'idNumber',
  'votingRights',
  'suspensionReason',
  'code',
  'file',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];

export function DelegateImport({ congressId }: { readonly congressId: string }) {
  const { t, tx } = useI18n();
  const { navigate } = useRouter();
  const [upload, setUpload] = useState<UploadBody>();
  const [preview, setPreview] = useState<DelegateImportPreview>();
  const [done, setDone] = useState<DelegateImportDone>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const fieldLabel = (field: string) =>
    FIELD_KEYS.includes(field as FieldKey) ? t(`field.${field as FieldKey}`) : field;

  const choose = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setPreview(undefined);
    setDone(undefined);
    try {
      const body = { fileName: file.name, contentBase64: await readBase64(file) };
      setUpload(body);
      setPreview(await call(previewDelegateImportEndpoint, { params: { congressId }, body }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
    return false;
  };

  const commit = async () => {
    if (!upload || !preview) return;
    setBusy(true);
    setError(undefined);
    try {
      setDone(
        await call(commitDelegateImportEndpoint, {
          params: { congressId },
          body: { ...upload, sha256: preview.sha256 },
        }),
      );
    } catch (caught) {
      const failure = asApiError(caught);
      const refused = (failure.body as Partial<DelegateImportRefusal> | null)?.preview;
      if (refused) setPreview(refused);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setUpload(undefined);
    setPreview(undefined);
    setDone(undefined);
    setError(undefined);
  };

  const step = done ? 2 : preview ? 1 : 0;
  const problems = preview?.errors ?? [];

  return (
    <div className="console-page">
      <h1 className="page-title">{t('im.title')}</h1>
      <Steps
        current={step}
        className="import-steps hide-narrow"
        items={[
          { title: t('im.step.choose') },
          { title: t('im.step.preview') },
          { title: t('im.step.done') },
        ]}
      />
      <ErrorAlert error={error} />
      {done ? (
        <Result
          status="success"
          title={t('im.done', { n: done.imported })}
          subTitle={
            <Space orientation="vertical">
              {done.codes && <span>{t('im.codes', done.codes)}</span>}
              {done.delegationsCreated.length > 0 && (
                <span>{t('im.created', { names: done.delegationsCreated.join('、') })}</span>
              )}
            </Space>
          }
          extra={[
            <Button
              key="list"
              type="primary"
              onClick={() => navigate(pathFor('consoleDelegates', { congressId }))}
            >
              {t('im.toList')}
            </Button>,
            <Button key="again" onClick={reset}>
              {t('im.another')}
            </Button>,
          ]}
          data-testid="import-done"
        />
      ) : (
        <>
          <Card className="console-card">
            <p className="muted">{t('im.hint')}</p>
            {preview && !busy ? (
              <Upload
                accept=".xlsx,.csv,.txt"
                multiple={false}
                showUploadList={false}
                beforeUpload={(file) => {
                  void choose(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('im.chooseAnother')}</Button>
              </Upload>
            ) : (
              <Upload.Dragger
                accept=".xlsx,.csv,.txt"
                multiple={false}
                showUploadList={false}
                beforeUpload={(file) => {
                  void choose(file);
                  return false;
                }}
                disabled={busy}
                data-testid="import-upload"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('im.drop')}</p>
                {upload && <p className="ant-upload-hint">{upload.fileName}</p>}
              </Upload.Dragger>
            )}
            {busy && (
              <div className="import-busy">
                <Spin /> {t('im.previewing')}
              </div>
            )}
          </Card>
          {preview && (
            <>
              <Card className="console-card" data-testid="import-preview">
                <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
                  <Descriptions.Item label={t('im.file')}>{preview.fileName}</Descriptions.Item>
                  <Descriptions.Item label={t('im.encoding')}>{preview.encoding ?? 'XLSX'}</Descriptions.Item>
                  <Descriptions.Item label={t('im.total')}>{preview.total}</Descriptions.Item>
                  <Descriptions.Item label={t('im.valid')}>
                    <Tag color="green">{preview.validCount}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('im.errors')}>
                    <Tag color={problems.length > 0 ? 'red' : 'green'}>
                      {new Set(problems.map((p) => p.row)).size}
                    </Tag>
                  </Descriptions.Item>
                  {preview.newDelegations.length > 0 && (
                    <Descriptions.Item label={t('im.newDelegations')}>
                      {preview.newDelegations.join('、')}
                    </Descriptions.Item>
                  )}
                  {preview.ignoredColumns.length > 0 && (
                    <Descriptions.Item label={t('im.ignored')}>
                      {preview.ignoredColumns.join('、')}
                    </Descriptions.Item>
                  )}
                </Descriptions>
                {problems.length > 0 ? (
                  <Alert
                    className="import-verdict"
                    type="error"
                    showIcon
                    icon={<WarningOutlined />}
                    title={t('im.fixFirst', { n: problems.length })}
                  />
                ) : (
                  <Button
                    className="import-verdict"
                    type="primary"
                    size="large"
                    icon={<CheckCircleOutlined />}
                    loading={busy}
                    onClick={() => void commit()}
                    data-testid="import-commit"
                  >
                    {t('im.commit', { n: preview.validCount })}
                  </Button>
                )}
              </Card>
              {problems.length > 0 && (
                <Card className="console-card" title={t('im.problems')} size="small">
                  <Table<ImportRowIssue>
                    size="small"
                    rowKey={(p) => `${p.row}-${p.field}-${p.en}`}
                    rowClassName={() => 'row-error'}
                    pagination={problems.length > 50 ? { pageSize: 50 } : false}
                    dataSource={[...problems]}
                    data-testid="import-problems"
                    columns={[
                      { title: t('im.row'), dataIndex: 'row', width: 72 },
                      {
                        title: t('im.field'),
                        dataIndex: 'field',
                        width: 140,
                        render: (f: string) => <strong>{fieldLabel(f)}</strong>,
                      },
                      { title: t('im.problem'), render: (_: unknown, p: ImportRowIssue) => tx(p) },
                    ]}
                  />
                </Card>
              )}
              <Card className="console-card" title={t('im.rowsOk', { n: preview.validCount })} size="small">
                <Table<DelegateDraft>
                  size="small"
                  rowKey={(d) => d.idNumber}
                  dataSource={[...preview.delegates]}
                  scroll={{ x: 'max-content' }}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    {
                      title: t('field.code'),
                      dataIndex: 'code',
                      render: (v?: string) => v ?? t('common.dash'),
                    },
                    { title: t('field.name'), dataIndex: 'name' },
                    {
                      title: t('field.gender'),
                      dataIndex: 'gender',
                      render: (g: string) => (g === 'male' ? t('dl.gender.male') : t('dl.gender.female')),
                    },
                    { title: t('field.ethnicity'), dataIndex: 'ethnicity' },
                    { title: t('field.birthDate'), dataIndex: 'birthDate' },
                    { title: t('field.joinedDate'), dataIndex: 'joinedDate' },
                    { title: t('field.delegation'), dataIndex: 'delegation' },
                    { title: t('field.position'), dataIndex: 'position' },
                    {
                      title: t('field.votingRights'),
                      dataIndex: 'votingRights',
                      render: (v: boolean, d: DelegateDraft) =>
                        v ? t('dl.voting.yes') : `${t('dl.voting.no')}：${d.suspensionReason ?? ''}`,
                    },
                  ]}
                />
              </Card>
            </>
          )}
        </>
      )}
    </div>
  );
}
