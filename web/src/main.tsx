import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/lib/zod_setup';
import '@/i18n';
import { App } from '@/app/app';
import '@/app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
