/**
 * Hands text to the browser as a file download through a Blob link: no
 * server round trip, and in Electron the shell's download handling applies.
 */
export function downloadText(text: string, fileName: string, mime = 'application/yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked on the next turn: the click starts the download synchronously, the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** prompts-2025-01-31-1405.yaml, in local time like every timestamp the UI shows. */
export function exportFileName(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `prompts-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.yaml`
}
