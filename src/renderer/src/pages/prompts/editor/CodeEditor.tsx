import { EditorSelection, EditorState, Transaction } from '@codemirror/state'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers, placeholder } from '@codemirror/view'
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import { editorTheme } from './editor-theme'
import { variableHighlight } from './variable-highlight'

export interface CodeEditorHandle {
  /** Inserts text at the cursor (replacing a selection) and gives the editor focus. */
  insert(text: string): void
}

interface CodeEditorProps {
  value: string
  onChange(text: string): void
  label: string
  placeholderText?: string
  describeVariable(name: string, known: boolean): string
  invalid?: boolean
  testId?: string
  onFocus?(): void
  handle?: Ref<CodeEditorHandle>
}

/**
 * One CodeMirror 6 view, created once per mount. The document is the view's
 * own while the trader types (each change is reported through onChange); a
 * different `value` from outside (a discard, an adopted version) replaces it
 * and clears the undo history, which no longer fits the new text.
 */
export function CodeEditor({ value, onChange, label, placeholderText, describeVariable, invalid, testId, onFocus, handle }: CodeEditorProps): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  // The view outlives renders: it reads the latest callbacks through refs rather than being rebuilt.
  const latest = useRef({ onChange, describeVariable, onFocus, value, label, placeholderText, testId })
  useEffect(() => {
    latest.current = { onChange, describeVariable, onFocus, value, label, placeholderText, testId }
  })

  useEffect(() => {
    const initial = latest.current
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initial.value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          drawSelection(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          history(),
          keymap.of([...historyKeymap, ...defaultKeymap]),
          placeholder(initial.placeholderText ?? ''),
          variableHighlight((name, known) => latest.current.describeVariable(name, known)),
          editorTheme,
          EditorView.contentAttributes.of({ 'aria-label': initial.label, 'aria-multiline': 'true', spellcheck: 'false', ...(initial.testId ? { 'data-testid': initial.testId } : {}) }),
          EditorView.updateListener.of((update) => {
            if (update.focusChanged && update.view.hasFocus) latest.current.onFocus?.()
            const fromOutside = update.transactions.some((tr) => tr.annotation(Transaction.addToHistory) === false)
            if (update.docChanged && !fromOutside) latest.current.onChange(update.state.doc.toString())
          }),
        ],
      }),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
  }, [])

  useEffect(() => {
    const editor = view.current
    if (!editor || editor.state.doc.toString() === value) return
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value }, annotations: Transaction.addToHistory.of(false) })
  }, [value])

  useImperativeHandle(
    handle,
    () => ({
      insert(text) {
        const editor = view.current
        if (!editor) return
        const { from, to } = editor.state.selection.main
        editor.dispatch({ changes: { from, to, insert: text }, selection: EditorSelection.cursor(from + text.length), scrollIntoView: true, userEvent: 'input' })
        editor.focus()
      },
    }),
    [],
  )

  return <div ref={host} className={invalid ? 'code-editor code-editor-invalid' : 'code-editor'} />
}
