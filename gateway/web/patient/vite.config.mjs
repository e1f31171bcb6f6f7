import { defineConfig } from 'vite'
import { defineAppConfig } from '../shared/vite.app-config.mjs'
import { elderFontScale } from './elderFontScale.mjs'

const config = defineAppConfig({ appDirUrl: new URL('.', import.meta.url), base: '/', port: 5173 })
// Elder mode scales every font size of the app, whichever page or library declares it.
config.css = { ...config.css, postcss: { plugins: [elderFontScale()] } }

export default defineConfig(config)
