import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The UI lives in web/; the API server serves dist/web in production and the dev server proxies /api to it.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // echarts is one large chunk that only the home page loads; antd is split per component
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // stable vendor chunks for caching; antd stays in automatic chunks so /login loads only what it uses
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000' },
    },
  },
})
