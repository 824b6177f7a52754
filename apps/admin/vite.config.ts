/// <reference types="node" />
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const appRoot = import.meta.dirname;
const repoRoot = resolve(appRoot, '../..');
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  root: appRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@danvan/contracts': resolve(repoRoot, 'libs/contracts/src/index.ts'),
    },
  },
  server: {
    proxy: {
      '/graphql': apiTarget,
      '/api': apiTarget,
    },
  },
  build: {
    outDir: resolve(repoRoot, 'dist/admin'),
    emptyOutDir: true,
    // react-admin + MUI make ~1 MB of vendor code; split it by library so app releases keep it cached.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
