import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { DocumentLink } from '../../../lib/document-links.ts';

// One printable document: its name and what it is on the left, the PDF (opened in a new tab) on
// the right — or, while it cannot be had yet, a disabled button and the reason, written out so a
// phone (no hover) shows it too.

export function DocumentRow({
  title,
  detail,
  link,
  testId,
}: {
  readonly title: ReactNode;
  readonly detail?: ReactNode;
  readonly link: DocumentLink;
  readonly testId: string;
}) {
  const { t } = useI18n();
  const ready = 'url' in link;
  return (
    <div className="doc-row" data-testid={testId} data-ready={ready}>
      <div className="doc-row-text">
        <div className="doc-row-title">
          {title}
          {ready && link.draft && <Tag color="gold">{t('doc.draft')}</Tag>}
        </div>
        {detail && <div className="muted small">{detail}</div>}
        {!ready && <div className="doc-row-reason">{t(`doc.unavailable.${link.unavailable}`)}</div>}
      </div>
      {ready ? (
        <Button
          icon={<FilePdfOutlined />}
          href={link.url}
          target="_blank"
          rel="noopener"
          data-testid={`${testId}-pdf`}
        >
          {t('doc.open')}
        </Button>
      ) : (
        <Button icon={<FilePdfOutlined />} disabled>
          {t('doc.open')}
        </Button>
      )}
    </div>
  );
}
