import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { bodiesEndpoint, congressEndpoint } from '../../../../../contract/congress.ts';
import { delegatesEndpoint } from '../../../../../contract/delegates.ts';
import { electionMethodsEndpoint } from '../../../../../contract/elections.ts';
import { mayCall } from '../../../../../contract/endpoint.ts';
import {
  createSittingEndpoint,
  openSittingEndpoint,
  type SittingView,
  sittingsEndpoint,
} from '../../../../../contract/procedure.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { currentSitting, sittingsByTime } from '../../lib/procedure.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { useCongressEvents } from '../../lib/use-events.ts';
import type { ConsoleSectionProps } from './section-props.ts';
import { BodiesCard } from './sittings/BodiesCard.tsx';
import { SittingForm } from './sittings/SittingForm.tsx';
import { SittingList } from './sittings/SittingList.tsx';
import { SittingPanel } from './sittings/SittingPanel.tsx';

// 会议与议程: the congress's sittings by time; for the chosen one its details, executive chairs
// and agenda with the adoption votes; and, for a congress, its bodies. Administrators set it all up;
// the presiding officer opens and closes sittings and votes. Other consoles' changes arrive on
// the event stream.

export function Sittings({ congressId, roles }: ConsoleSectionProps) {
  const { t } = useI18n();
  // Who sets the sittings up, and who opens and closes them and their votes: the endpoints' rules.
  const isAdmin = mayCall(createSittingEndpoint, roles);
  const canRun = mayCall(openSittingEndpoint, roles);
  const sittings = useEndpoint(sittingsEndpoint, { params: { congressId } });
  const bodies = useEndpoint(bodiesEndpoint, { params: { congressId } });
  const congress = useEndpoint(congressEndpoint, { params: { congressId } });
  const delegates = useEndpoint(delegatesEndpoint, { params: { congressId } });
  const methods = useEndpoint(electionMethodsEndpoint, { params: { congressId } });
  const [chosenId, setChosenId] = useState<string>();
  const [form, setForm] = useState<SittingView | 'new' | null>(null);
  // Bumped by the event stream: the chosen sitting's agenda reloads with it.
  const [version, setVersion] = useState(0);

  useCongressEvents(congressId, {
    congress: () => {
      void sittings.reload();
      void bodies.reload();
      void congress.reload();
      setVersion((v) => v + 1);
    },
    voting: (event) => {
      if ('voteId' in event) setVersion((v) => v + 1);
    },
    // What changed while the stream was not connected is not replayed to a new connection.
    onOpen: () => {
      void sittings.reload();
      void bodies.reload();
      setVersion((v) => v + 1);
    },
  });

  // On a phone the chosen sitting opens below the list: bring it into view.
  const detail = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (chosenId && window.matchMedia('(max-width: 900px)').matches)
      detail.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [chosenId]);

  const ordered = sittingsByTime(sittings.data ?? []);
  const chosen = ordered.find((s) => s.id === chosenId) ?? currentSitting(ordered);
  const reloadSittings = () => void sittings.reload();

  return (
    <div className="console-page" data-testid="sittings-section">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.sittings')}</h1>
        {isAdmin && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setForm('new')}
            data-testid="sitting-add"
          >
            {t('sit.add')}
          </Button>
        )}
      </div>
      <ErrorAlert error={sittings.error} onRetry={reloadSittings} />
      {!sittings.data ? (
        <Skeleton active />
      ) : ordered.length === 0 ? (
        <Card className="console-card">
          <Empty description={t('sit.none')} />
        </Card>
      ) : (
        <div className="setup-split">
          <SittingList sittings={ordered} chosenId={chosen?.id} onChoose={setChosenId} />
          <div ref={detail} className="setup-detail">
            {chosen && (
              <SittingPanel
                key={chosen.id}
                congressId={congressId}
                sitting={chosen}
                isAdmin={isAdmin}
                canRun={canRun}
                version={version}
                bodies={bodies.data}
                delegates={delegates.data ?? []}
                methods={methods.data ?? []}
                onEdit={() => setForm(chosen)}
                onChanged={reloadSittings}
              />
            )}
          </div>
        </div>
      )}
      {/* The presidium and the credentials committee are a congress's; a plenary has neither. */}
      {congress.data?.kind === 'congress' && (
        <BodiesCard
          congressId={congressId}
          bodies={bodies.data}
          error={bodies.error}
          secretaryGeneral={congress.data.secretaryGeneral ?? null}
          delegates={delegates.data ?? []}
          isAdmin={isAdmin}
          onChanged={() => void bodies.reload()}
        />
      )}
      {form !== null && (
        <SittingForm
          congressId={congressId}
          sitting={form === 'new' ? null : form}
          onClose={() => setForm(null)}
          onSaved={(saved) => {
            setForm(null);
            setChosenId(saved.id);
            reloadSittings();
          }}
        />
      )}
    </div>
  );
}
