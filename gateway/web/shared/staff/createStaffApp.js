import { createApp, h } from 'vue'
import { RouterView } from 'vue-router'
import { ElConfigProvider } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn.mjs'
import 'element-plus/dist/index.css'
import './staff.css'

// Mounts a staff app inside ElConfigProvider so Element Plus speaks Chinese.
export function createStaffApp(router) {
  const app = createApp({ render: () => h(ElConfigProvider, { locale: zhCn }, () => h(RouterView)) })
  app.use(router)
  return app
}
