import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import type { ApiError } from '../../lib/api.ts';
import { useVoteI18n } from './vote-i18n.tsx';

// The few pieces the phone pages are built of, in plain markup styled by vote-page.css: a panel,
// a notice, a busy indicator, a button. No component library: the page must load fast on a
// hall's crowded Wi-Fi.

export function Panel({
  title,
  extra,
  className,
  children,
  ...rest
}: {
  readonly title?: ReactNode;
  readonly extra?: ReactNode;
  readonly className?: string;
  readonly children?: ReactNode;
  readonly 'data-testid'?: string;
  readonly 'data-step'?: string;
  readonly ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div className={className ? `v-panel ${className}` : 'v-panel'} {...rest}>
      {(title || extra) && (
        <header className="v-panel-head">
          <div className="v-panel-title">{title}</div>
          {extra}
        </header>
      )}
      <div className="v-panel-body">{children}</div>
    </div>
  );
}

export type Tone = 'info' | 'success' | 'warning' | 'error';

const ICON: Readonly<Record<Tone, string>> = { info: 'i', success: '✓', warning: '!', error: '!' };

export function Note({
  tone,
  title,
  children,
  className,
  big,
  ...rest
}: {
  readonly tone: Tone;
  readonly title?: ReactNode;
  readonly children?: ReactNode;
  readonly className?: string;
  /** A result: the round's outcome for this delegate, centred and large. */
  readonly big?: boolean;
  readonly 'data-testid'?: string;
  readonly 'data-voted'?: boolean;
}) {
  return (
    <div
      className={`v-note v-${tone}${big ? ' v-big' : ''}${className ? ` ${className}` : ''}`}
      role={tone === 'error' ? 'alert' : 'status'}
      {...rest}
    >
      <span className="v-note-icon" aria-hidden="true">
        {ICON[tone]}
      </span>
      <div className="v-note-text">
        {title && <div className="v-note-title">{title}</div>}
        {children}
      </div>
    </div>
  );
}

export function Busy() {
  const { t } = useVoteI18n();
  return (
    <div className="v-busy" role="status">
      <span className="v-spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}

export function Button({
  primary,
  danger,
  block,
  busy,
  children,
  disabled,
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  readonly primary?: boolean;
  readonly danger?: boolean;
  readonly block?: boolean;
  readonly busy?: boolean;
  readonly 'data-testid'?: string;
  readonly 'data-choice'?: string;
}) {
  const classes = ['v-button'];
  if (primary) classes.push('v-primary');
  if (danger) classes.push('v-danger');
  if (block) classes.push('v-block');
  if (className) classes.push(className);
  return (
    <button
      type="button"
      className={classes.join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && <span className="v-spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

/** An API error in the active language, with the rule it cites and a retry button. */
export function ErrorNote({
  error,
  onRetry,
}: {
  readonly error: ApiError | undefined;
  readonly onRetry?: () => void;
}) {
  const { t, tx } = useVoteI18n();
  if (!error) return null;
  return (
    <Note tone="error" title={t('error.title')}>
      {tx(error)}
      {error.rule ? ` [${error.rule}]` : ''}
      {onRetry && (
        <div>
          <Button className="v-small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </div>
      )}
    </Note>
  );
}
