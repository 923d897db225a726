import { CopyOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Space, Steps } from 'antd';
import { useEffect, useState } from 'react';
import type { AttendanceCounts } from '../../../../../contract/attendance.ts';
import type { ElectionMethod, ElectionView, RoundView } from '../../../../../contract/elections.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { presidingScript } from './presiding-script.ts';

/**
 * 主持词: the words for each step of the election in the order they are read, the step the hall
 * is at shown first and large, the numbers and names live; the officer may step back or forward.
 */
export function ScriptCard({
  election,
  round,
  counts,
  method,
}: {
  readonly election: ElectionView;
  readonly round: RoundView | undefined;
  readonly counts: AttendanceCounts | null;
  readonly method: ElectionMethod | null;
}) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const { steps, current } = presidingScript({ election, round, counts, method });
  const [shown, setShown] = useState(current);
  // The hall moved on: so does the script.
  useEffect(() => setShown(current), [current]);
  const at = Math.min(shown, steps.length - 1);
  const step = steps[at];
  if (!step) return null;
  const text = lang === 'zh' ? step.zh : step.en;
  return (
    <Card
      size="small"
      type="inner"
      className="presiding-script"
      data-testid="pres-script"
      data-step={step.key}
      title={t('script.title')}
      extra={
        <Space>
          <Button
            size="small"
            icon={<CopyOutlined />}
            onClick={() =>
              void navigator.clipboard
                ?.writeText(text)
                .then(() => message.success(t('script.copied')))
                .catch(() => undefined)
            }
          >
            {t('script.copy')}
          </Button>
        </Space>
      }
    >
      <Steps
        size="small"
        current={at}
        onChange={setShown}
        className="presiding-script-steps"
        items={steps.map((s, i) => ({
          title: t(`script.step.${s.key}`),
          status: i < current ? 'finish' : i === current ? 'process' : 'wait',
        }))}
      />
      <p
        className="presiding-script-text"
        data-testid="pres-script-text"
        lang={lang === 'zh' ? 'zh-CN' : 'en'}
      >
        {text}
      </p>
      {lang === 'zh' ? null : (
        <p className="presiding-script-zh muted" lang="zh-CN">
          {step.zh}
        </p>
      )}
      <Space className="presiding-script-nav">
        <Button
          icon={<LeftOutlined />}
          disabled={at === 0}
          onClick={() => setShown(at - 1)}
          data-testid="pres-script-prev"
        >
          {t('script.prev')}
        </Button>
        <Button
          disabled={at >= steps.length - 1}
          onClick={() => setShown(at + 1)}
          data-testid="pres-script-next"
        >
          {t('script.next')} <RightOutlined />
        </Button>
        <span className="muted small">{t('script.hint')}</span>
      </Space>
    </Card>
  );
}
