import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n } from './i18n/i18n';

// zod would probe `new Function` to pick its fast path; the page's CSP forbids eval, so skip it.
z.config({ jitless: true });

const container = document.getElementById('root');
if (container) {
  void initI18n().then((i18n) => {
    createRoot(container).render(
      <StrictMode>
        <App i18n={i18n} />
      </StrictMode>,
    );
  });
}
