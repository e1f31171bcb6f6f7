import { PHOTO_MAX_BYTES, shrunkSize } from '@shared/followup.js'

// Redraws a photo as a JPEG at most 1600 px on its longer side: small enough to send, and without the camera's EXIF
// (GPS position, device) that a photo of a ward or a bill would otherwise carry to the hospital's database.
export async function shrinkPhoto(file) {
  const bitmap = await createImageBitmap(file)
  const { width, height } = shrunkSize(bitmap.width, bitmap.height)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  canvas.getContext('2d').drawImage(bitmap, 0, 0, width, height)
  bitmap.close?.()
  for (const quality of [0.85, 0.7, 0.5]) {
    const dataUrl = canvas.toDataURL('image/jpeg', quality)
    if ((dataUrl.length - dataUrl.indexOf(',') - 1) * 0.75 <= PHOTO_MAX_BYTES) return dataUrl
  }
  throw new Error('照片太大，请换一张')
}
