import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import type { DelegateView } from '../../../../../../contract/delegates.ts';
import type { BodiesView, BodyKind } from '../../../../../../contract/procedure.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { ApiError } from '../../../lib/api.ts';
import { BodyEditor } from './BodyEditor.tsx';

const ROLE_COLOR: Readonly<Record<string, string>> = { chair: 'red', 'deputy-chair': 'volcano' };

/**
 * [P3] The congress's bodies: the presidium (about a tenth of the delegates), its standing
 * committee, the credentials committee, and the secretary-general, whom the preparatory meeting
 * adopts by vote (an agenda item there sets it).
 */
export function BodiesCard({
  congressId,
  bodies,
  error,
  secretaryGeneral,
  delegates,
  isAdmin,
  onChanged,
}: {
  readonly congressId: string;
  readonly bodies: BodiesView | undefined;
  readonly error: ApiError | undefined;
  readonly secretaryGeneral: string | null;
  readonly delegates: readonly DelegateView[];
  readonly isAdmin: boolean;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<BodyKind | null>(null);
  const guide = bodies?.presidiumGuide;

  return (
    <Card className="console-card" title={t('ov.bodies')} data-testid="bodies-card">
      <ErrorAlert error={error} />
      {!bodies ? (
        <Skeleton active />
      ) : (
        <div className="bodies-grid">
          {bodies.bodies.map((b) => (
            <section key={b.body} className="body-block" data-testid={`body-${b.body}`}>
              <div className="body-block-head">
                <h3>
                  {t(`body.${b.body}`)}{' '}
                  <span className="muted">{t('common.persons', { n: b.members.length })}</span>
                </h3>
                {isAdmin && (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(b.body)}
                    data-testid={`body-edit-${b.body}`}
                  >
                    {t('sit.edit')}
                  </Button>
                )}
              </div>
              {b.body === 'presidium' && guide && (
                <div className="muted small" data-testid="presidium-guide">
                  [{guide.rule}]{' '}
                  {t('sit.presidiumGuide', { delegates: guide.delegates, suggested: guide.suggested })}
                </div>
              )}
              {b.members.length === 0 ? (
                <span className="muted">{t('sit.noMembers')}</span>
              ) : (
                <ul className="name-chips plain">
                  {b.members.map((m) => (
                    <li key={m.delegateId}>
                      {m.name}
                      {ROLE_COLOR[m.role] && (
                        <Tag color={ROLE_COLOR[m.role]} className="role-tag">
                          {t(`sit.role.${m.role as 'chair' | 'deputy-chair'}`)}
                        </Tag>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
          <section className="body-block" data-testid="secretary-general">
            <div className="body-block-head">
              <h3>{t('ov.secretaryGeneral')}</h3>
            </div>
            <strong>{secretaryGeneral ?? t('common.dash')}</strong>
            <div className="muted small">{t('sit.secretaryGeneralHint')}</div>
          </section>
        </div>
      )}
      {editing && bodies && (
        <BodyEditor
          congressId={congressId}
          body={editing}
          bodies={bodies}
          delegates={delegates}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
