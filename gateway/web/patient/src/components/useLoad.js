import { ref } from 'vue'
import { ApiError, problemMessage } from '@shared/problem.js'

// Loading, error and not-found state of a page that shows one thing from the API.
export function useLoad(fetcher) {
  const data = ref(null)
  const loading = ref(true)
  const error = ref(null)
  const notFound = ref(false)
  async function load() {
    loading.value = true
    error.value = null
    notFound.value = false
    try {
      data.value = await fetcher()
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) notFound.value = true
      else error.value = problemMessage(e)
    } finally {
      loading.value = false
    }
  }
  return { data, loading, error, notFound, load }
}
