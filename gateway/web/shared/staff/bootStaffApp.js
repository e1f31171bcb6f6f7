import { ElMessage } from 'element-plus'
import { createStaffApp } from './createStaffApp.js'
import { createStaffRouter } from './createStaffRouter.js'

const ComingSoon = () => import('./ComingSoonPanel.vue')

// Starts a staff app: router from the menu (unbuilt entries → 建设中), login on 401, push hub.
export function bootStaffApp({ appTitle, tokenKey, menu, layout, login, push, onUnauthorized }) {
  const router = createStaffRouter({
    appTitle,
    tokenKey,
    loginComponent: login,
    layoutComponent: layout,
    menu,
    pages: menu.map((item) => ({
      path: item.path.slice(1),
      name: item.key,
      component: item.page ?? ComingSoon,
      meta: { title: item.label, roles: item.roles },
    })),
  })

  onUnauthorized(() => {
    ElMessage.error('登录已失效，请重新登录')
    router.replace({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } })
  })

  push.start()
  createStaffApp(router).mount('#app')
  return router
}
