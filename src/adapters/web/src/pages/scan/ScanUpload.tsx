import { Alert, Button, Card, Space } from 'antd';
import { useRef, useState } from 'react';
import { uploadScanEndpoint } from '../../../../../contract/scan.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { asApiError, call } from '../../lib/api.ts';
import { base64Of, type IntakeSummary, refuseScanFile, SCAN_ACCEPT, summariseIntake } from './scan-logic.ts';

interface Line {
  readonly name: string;
  readonly kind: 'success' | 'warning' | 'error';
  readonly text: string;
}

/** 上传扫描件: files chosen, sent one by one, and what the server read of each. */
export function ScanUpload({
  congressId,
  roundId,
  knownFiles,
  onUploaded,
}: {
  readonly congressId: string;
  readonly roundId: string;
  /** Ids of the files the round already holds: the same file again is "unchanged". */
  readonly knownFiles: ReadonlySet<string>;
  readonly onUploaded: () => void;
}) {
  const { t, tx } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [lines, setLines] = useState<Line[]>([]);

  const describe = (name: string, summary: IntakeSummary): Line => {
    if (summary.unchanged) return { name, kind: 'warning', text: t('scan.upload.unchanged', { name }) };
    const parts = [
      t('scan.upload.result', { name, sheets: summary.sheets, read: summary.read, review: summary.toReview }),
    ];
    if (summary.rejected.length > 0)
      parts.push(
        t('scan.upload.rejected', {
          n: summary.rejected.length,
          reasons: summary.rejected
            .map((r) => `${r.page}: ${t(`scan.reason.${r.reason}` as Parameters<typeof t>[0])}`)
            .join('; '),
        }),
      );
    if (summary.duplicates > 0) parts.push(t('scan.upload.duplicates', { n: summary.duplicates }));
    return {
      name,
      kind: summary.rejected.length > 0 || summary.duplicates > 0 ? 'warning' : 'success',
      text: parts.join('；'),
    };
  };

  const send = async (files: readonly File[]) => {
    setBusy(true);
    const done: Line[] = [];
    try {
      for (const file of files) {
        const refusal = refuseScanFile(file);
        if (refusal) {
          done.push({
            name: file.name,
            kind: 'error',
            text: t(`scan.upload.refused.${refusal}`, { name: file.name }),
          });
          continue;
        }
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const intake = await call(uploadScanEndpoint, {
            params: { congressId, roundId },
            body: { filename: file.name, contentBase64: base64Of(bytes), source: 'upload' },
          });
          const outcome = knownFiles.has(intake.file.id) ? 'unchanged' : 'created';
          done.push(describe(file.name, summariseIntake(outcome, intake)));
        } catch (caught) {
          done.push({ name: file.name, kind: 'error', text: `${file.name}：${tx(asApiError(caught))}` });
        }
        setLines([...done]);
      }
    } finally {
      setBusy(false);
      setLines([...done]);
      if (input.current) input.current.value = '';
      onUploaded();
    }
  };

  return (
    <Card title={t('scan.upload.title')} data-testid="scan-upload">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div className="muted">{t('scan.upload.hint')}</div>
        <input
          ref={input}
          type="file"
          multiple
          accept={SCAN_ACCEPT}
          style={{ display: 'none' }}
          data-testid="scan-file-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            if (files.length > 0) void send(files);
          }}
        />
        <Button
          type="primary"
          loading={busy}
          onClick={() => input.current?.click()}
          data-testid="scan-choose"
        >
          {busy ? t('scan.upload.sending') : t('scan.upload.choose')}
        </Button>
        {lines.map((line, i) => (
          <Alert
            // biome-ignore lint/suspicious/noArrayIndexKey: one upload's lines, only ever appended to
            key={`${line.name}-${i}`}
            type={line.kind}
            title={line.text}
            showIcon
            data-testid="scan-upload-result"
          />
        ))}
      </Space>
    </Card>
  );
}
