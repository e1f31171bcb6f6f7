import { ref } from 'vue'
import { identity } from '../../platform.js'
import { reconcileCurrentPatient, session } from '../../session.js'

// The account's 就诊人 and the one a fee page acts for: the one the link names (?patientId=, e.g. from 缴费记录) when it
// is one of them, else the stored 当前就诊人 (platform.patient.current), kept pointing at one of them; choosing another
// here stores it for the other pages too.
export function useCurrentPatient() {
  const patients = ref([])
  const patientId = ref('')

  async function loadPatients(wanted = '') {
    patients.value = (await identity.patients()) ?? []
    if (wanted && patients.value.some((p) => p.id === wanted)) session.setCurrentPatient(wanted)
    reconcileCurrentPatient(patients.value)
    patientId.value = session.currentPatientId.value ?? patients.value[0]?.id ?? ''
  }

  function choose(id) {
    patientId.value = id
    session.setCurrentPatient(id)
  }

  return { patients, patientId, loadPatients, choose }
}
