import { createRouter, createWebHistory } from 'vue-router'
import { getToken, installAuthGuard } from '../auth.js'
import { allowed, menuFor, rolesOf } from './menuAccess.js'

// Login page public, everything else behind the token guard, under the app's base path.
export function createStaffRouter({ appTitle, tokenKey, loginComponent, layoutComponent, pages, menu = [] }) {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: [
      { path: '/login', name: 'login', component: loginComponent, meta: { public: true, title: '登录' } },
      {
        path: '/',
        component: layoutComponent,
        children: [{ path: '', redirect: pages[0].path }, ...pages],
      },
      { path: '/:pathMatch(.*)*', redirect: '/' },
    ],
  })
  installAuthGuard(router, { tokenKey, loginRouteName: 'login' })
  // A page the account's role does not use (or the app's first page, when it is one) leads to the first one it does.
  router.beforeEach((to) => {
    if (to.meta.public || !to.meta.roles) return true
    if (allowed({ roles: to.meta.roles }, rolesOf(getToken(tokenKey)))) return true
    const first = menuFor(menu, getToken(tokenKey))[0]
    return first && first.path !== to.path ? { path: first.path } : true
  })
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} - ${appTitle}` : appTitle
  })
  return router
}
