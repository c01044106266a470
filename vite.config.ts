/**
 * Vite builds the web app from src/web into dist/web, which the Parley server serves with an SPA
 * fallback. In development (`npx vite`), /api is proxied to a server started on :8080.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // The server's CSP allows nothing inline: keep every asset a separate file.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // React and i18next change rarely: their own chunks stay cached across releases. The
        // chart library is only in the analysis screen's chunk, loaded when it is opened.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
