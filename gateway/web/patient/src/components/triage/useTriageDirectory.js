import { ref } from 'vue'
import { bookableDepartment, bookingRoute, departmentPlace, emergencyDepartment } from '@shared/triage.js'
import { departments, navigation, scheduling } from '../../platform.js'

// What the result pages link to: each recommended department's bookable slots (Scheduling), and the emergency
// department's place (Hospital departments and indoor map). Both lists are public; a failure only hides a link.
export function useTriageDirectory() {
  const hospitalDepartments = ref([])
  const schedulingDepartments = ref([])
  const emergency = ref(null)
  const emergencyPlace = ref(null)

  async function load() {
    const [hospital, bookable] = await Promise.allSettled([departments.list(), scheduling.departments()])
    if (hospital.status === 'fulfilled') hospitalDepartments.value = hospital.value ?? []
    if (bookable.status === 'fulfilled') schedulingDepartments.value = bookable.value ?? []
  }

  async function loadEmergency(hint) {
    if (!hospitalDepartments.value.length) await load()
    emergency.value = emergencyDepartment(hospitalDepartments.value, hint)
    try {
      const places = await navigation.search(emergency.value?.name || '急诊')
      emergencyPlace.value = departmentPlace(places, emergency.value?.code)
    } catch {
      emergencyPlace.value = null
    }
  }

  const bookingFor = (answer) => bookingRoute(bookableDepartment(answer, hospitalDepartments.value, schedulingDepartments.value))

  return { load, loadEmergency, bookingFor, emergency, emergencyPlace }
}
