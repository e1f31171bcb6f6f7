import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'

const webRoot = fileURLToPath(new URL('..', import.meta.url))
const backend = process.env.PLATFORM_BACKEND ?? 'http://127.0.0.1:8080'

// One config shape for the three apps: each lives in its own folder under gateway/web
// and shares gateway/web/shared and gateway/web/node_modules.
export function defineAppConfig({ appDirUrl, base, port }) {
  const root = fileURLToPath(appDirUrl)
  return {
    root,
    base,
    plugins: [vue()],
    resolve: {
      alias: { '@shared': fileURLToPath(new URL('.', import.meta.url)) },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 1200,
    },
    server: {
      port,
      strictPort: true,
      fs: { allow: [webRoot] },
      proxy: {
        '/api': { target: backend, changeOrigin: false },
        '/hubs': { target: backend, ws: true, changeOrigin: false },
        '/wechat': { target: backend, changeOrigin: false },
      },
    },
    preview: { port },
  }
}
