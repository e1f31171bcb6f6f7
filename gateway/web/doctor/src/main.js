import { bootStaffApp } from '@shared/staff/bootStaffApp.js'
import { APP_TITLE, TOKEN_KEY, onUnauthorized, push } from './platform.js'
import DoctorLayout from './DoctorLayout.vue'
import LoginPage from './LoginPage.vue'
import { MENU } from './menu.js'

bootStaffApp({ appTitle: APP_TITLE, tokenKey: TOKEN_KEY, menu: MENU, layout: DoctorLayout, login: LoginPage, push, onUnauthorized })
