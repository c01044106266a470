/** Entry point: the interface language's catalogue first, then the app inside its session. */
import { loadInterfaceLanguage } from './i18n/index.js';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { SessionProvider } from './features/auth/session.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

void loadInterfaceLanguage().then(() =>
  createRoot(root).render(
    <StrictMode>
      <SessionProvider>
        <App />
      </SessionProvider>
    </StrictMode>,
  ),
);
