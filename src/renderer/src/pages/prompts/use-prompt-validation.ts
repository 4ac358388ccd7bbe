import { useEffect, useRef, useState } from 'react'
import type { PromptContent, PromptIssue } from '../../../../shared/domain/agents/prompt'
import { validatePrompt } from '../../stores/prompts-store'
import { createPreviewScheduler, IDLE_PREVIEW, type PreviewScheduler, type PreviewState } from '../../trading/preview-scheduler'

/** Quiet time after the last keystroke before the kernel is asked. */
export const VALIDATE_DELAY_MS = 350

/**
 * The kernel's verdict on the content being edited, asked after a pause in
 * typing; an answer for older text never lands on newer text. Null content
 * (a parameter that is not a number yet) clears it: nothing is sent.
 */
export function usePromptValidation(content: PromptContent | null): PreviewState<PromptIssue[]> {
  const [state, setState] = useState<PreviewState<PromptIssue[]>>(IDLE_PREVIEW)
  const scheduler = useRef<PreviewScheduler<PromptContent> | null>(null)

  useEffect(() => {
    const created = createPreviewScheduler<PromptContent, PromptIssue[]>({ delayMs: VALIDATE_DELAY_MS, keyOf: (c) => JSON.stringify(c), request: validatePrompt, onChange: setState })
    scheduler.current = created
    return () => {
      created.dispose()
      scheduler.current = null
    }
  }, [])

  useEffect(() => {
    scheduler.current?.update(content)
  }, [content])

  return state
}
