/** The map card: the network (once the game has started), its key and its table. */
import type { FacilitatorView } from '../../game/core/view';
import type { SessionPlayer } from '../../game/contract/api';
import { Card } from '../app/ui';
import { t } from '../i18n';
import { MapLegend } from './MapLegend';
import { NetworkMap } from './NetworkMap';
import { WaitingRoom } from './WaitingRoom';
import { WorkshopTable } from './WorkshopTable';

interface MapPanelProps {
  readonly code: string;
  readonly view: FacilitatorView;
  readonly players: readonly SessionPlayer[];
  /** How many people the facilitator expects (null: unknown). */
  readonly expected: number | null;
  readonly reach: ReadonlyMap<number, number> | null;
  readonly onPick: (workshop: number) => void;
}

export function MapPanel({ code, view, players, expected, reach, onPick }: MapPanelProps) {
  return (
    <Card
      labelledBy="map-title"
      className="self-start lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:overflow-y-auto"
    >
      <h2 id="map-title" className="text-xl font-bold">
        {view.workshops.length === 0 ? t('map.joinTitle') : t('map.title')}
      </h2>
      {view.workshops.length === 0 ? (
        <WaitingRoom code={code} view={view} players={players} expected={expected} />
      ) : (
        <>
          <NetworkMap view={view} reach={reach} onPick={onPick} />
          <MapLegend />
          <WorkshopTable view={view} players={players} />
        </>
      )}
    </Card>
  );
}
