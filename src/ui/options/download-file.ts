/** Save text as a file from an extension page: a Blob behind a temporary object URL. */
export function downloadFile(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
  const link = document.createElement("a")
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoke after the click has been handled; revoking at once can cancel the download in Chrome.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
