import { defineConfig } from 'vite'
import { defineAppConfig } from '../shared/vite.app-config.mjs'

export default defineConfig(defineAppConfig({ appDirUrl: new URL('.', import.meta.url), base: '/', port: 5173 }))
