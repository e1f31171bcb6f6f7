import { createRouter, createWebHistory } from 'vue-router'
import { installAuthGuard } from '../auth.js'

// Login page public, everything else behind the token guard, under the app's base path.
export function createStaffRouter({ appTitle, tokenKey, loginComponent, layoutComponent, pages }) {
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
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} - ${appTitle}` : appTitle
  })
  return router
}
