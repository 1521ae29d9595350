/** The browser test's page: the board's development harness (a Local match), configured by the query. */
import { createRoot } from 'react-dom/client';
import { DevBoard } from '../../../../client/board/dev';
import './harness.css';

const query = new URLSearchParams(window.location.search);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <DevBoard
      scenario={query.get('scenario') ?? 'two-inputs'}
      humanSeats={Number(query.get('seats') ?? 3)}
      seat={query.get('seat') ?? '1'}
    />,
  );
}
