import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <main aria-label="Atendo">Atendo</main>
    </StrictMode>,
  );
}
