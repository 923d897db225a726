import { useI18n } from '../i18n/i18n.tsx';

// A mark as the paper ballot shows it, and in words: ○ 赞成, × 不赞成, 弃权 (a blank), ? 无法辨认.
// The tellers' marks string and the delegates' choices use the same letters (F, A, -, ?).

export function MarkWord({ mark }: { readonly mark: string | undefined }) {
  const { t } = useI18n();
  const word =
    mark === 'F'
      ? `○ ${t('ballot.for')}`
      : mark === 'A'
        ? `× ${t('ballot.against')}`
        : mark === '?'
          ? `? ${t('ballot.unreadable')}`
          : t('ballot.abstain');
  return <span className="mark-word">{word}</span>;
}
