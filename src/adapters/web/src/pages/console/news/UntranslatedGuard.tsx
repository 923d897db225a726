import { Alert, App as AntApp } from 'antd';
import { useCallback } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';

// An English draft that still holds Chinese (a conclusion or a category nobody translated) is
// flagged in the editor, and publishing it is asked about first rather than let go out as is.

/** How the runs are quoted in a message: the first few, each in 「」. */
function quoted(runs: readonly string[]): string {
  const shown = runs.slice(0, 3).map((run) => `「${run.length > 24 ? `${run.slice(0, 24)}…` : run}」`);
  return shown.join(' ') + (runs.length > 3 ? ' …' : '');
}

/** The warning above the English fields. */
export function UntranslatedAlert({ runs }: { readonly runs: readonly string[] }) {
  const { t } = useI18n();
  if (runs.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="news-untranslated"
      title={t('news.untranslated', { n: runs.length })}
      description={quoted(runs)}
      data-testid="news-untranslated"
    />
  );
}

/** Asks before publishing an item whose English still holds Chinese; true when it may go ahead. */
export function useUntranslatedGuard(): (runs: readonly string[]) => Promise<boolean> {
  const { t } = useI18n();
  const { modal } = AntApp.useApp();
  return useCallback(
    (runs) =>
      runs.length === 0
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            modal.confirm({
              title: t('news.untranslatedConfirm', { n: runs.length }),
              content: quoted(runs),
              okText: t('news.publishAnyway'),
              cancelText: t('news.keepEditing'),
              okButtonProps: { id: 'news-publish-anyway' },
              onOk: () => resolve(true),
              onCancel: () => resolve(false),
            });
          }),
    [modal, t],
  );
}
