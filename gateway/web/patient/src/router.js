import { createRouter, createWebHistory } from 'vue-router'
import HomePage from './pages/HomePage.vue'
import { COMING_SOON_SERVICES } from './services.js'

const ComingSoonPage = () => import('./pages/ComingSoonPage.vue')

const routes = [
  { path: '/', name: 'home', component: HomePage, meta: { tab: true, title: '首页' } },
  { path: '/messages', name: 'messages', component: () => import('./pages/MessagesPage.vue'), meta: { tab: true, title: '消息' } },
  { path: '/mine', name: 'mine', component: () => import('./pages/MinePage.vue'), meta: { tab: true, title: '我的' } },
  { path: '/departments', name: 'departments', component: () => import('./pages/DepartmentsPage.vue'), meta: { title: '科室介绍' } },
  {
    path: '/departments/:id',
    name: 'department',
    component: () => import('./pages/DepartmentDetailPage.vue'),
    props: true,
    meta: { title: '科室详情' },
  },
  ...COMING_SOON_SERVICES.map((service) => ({
    path: service.path,
    name: `coming-${service.key}`,
    component: ComingSoonPage,
    meta: { title: service.label, comingSoon: true },
  })),
  { path: '/coming-soon', name: 'coming-soon', component: ComingSoonPage, meta: { title: '建设中', comingSoon: true } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (to, from, saved) => saved ?? { top: 0 },
})

router.afterEach((to) => {
  document.title = to.meta.title && to.name !== 'home' ? `${to.meta.title} - 智慧医院` : '智慧医院'
})
