import { EditorView } from '@codemirror/view'

/**
 * The section editors in the app's palette: the theme variables of
 * styles/theme.css, so the dark (#0F172A, accent #22D3EE) and light themes
 * both hold without a second editor theme. Known template variables in the
 * accent colour, unknown ones in red, wavy-underlined so they read without colour too.
 */
export const editorTheme = EditorView.theme(
  {
    '&': {
      color: 'var(--text)',
      backgroundColor: 'var(--bg)',
      border: '1px solid var(--border-strong)',
      borderRadius: 'var(--radius-sm)',
      fontSize: '12.5px',
    },
    '&.cm-focused': {
      outline: 'none',
      borderColor: 'var(--accent)',
      boxShadow: '0 0 0 2px var(--accent-soft)',
    },
    '.cm-scroller': {
      fontFamily: 'var(--font-mono)',
      lineHeight: '1.55',
      overflow: 'auto',
    },
    '.cm-content': {
      padding: '6px 0',
      caretColor: 'var(--accent)',
    },
    '.cm-line': {
      padding: '0 10px 0 6px',
    },
    '.cm-cursor, .cm-dropCursor': {
      borderLeftColor: 'var(--accent)',
    },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
      backgroundColor: 'color-mix(in srgb, var(--accent) 22%, transparent)',
    },
    '.cm-activeLine': {
      backgroundColor: 'color-mix(in srgb, var(--panel-raised) 55%, transparent)',
    },
    '.cm-gutters': {
      backgroundColor: 'var(--panel)',
      color: 'var(--text-dim)',
      borderRight: '1px solid var(--border)',
      borderRadius: 'var(--radius-sm) 0 0 var(--radius-sm)',
    },
    '.cm-activeLineGutter': {
      backgroundColor: 'var(--panel-raised)',
      color: 'var(--text-muted)',
    },
    '.cm-lineNumbers .cm-gutterElement': {
      minWidth: '28px',
      padding: '0 6px 0 4px',
      fontSize: '11px',
    },
    '.cm-placeholder': {
      color: 'var(--text-dim)',
      fontStyle: 'italic',
    },
    '.cm-template-var': {
      borderRadius: '3px',
      padding: '0 1px',
      fontWeight: '600',
    },
    '.cm-template-var-known': {
      color: 'var(--accent)',
      backgroundColor: 'var(--accent-soft)',
    },
    '.cm-template-var-unknown': {
      color: 'var(--danger)',
      backgroundColor: 'var(--danger-soft)',
      textDecoration: 'underline wavy var(--danger)',
      textUnderlineOffset: '3px',
    },
  },
  { dark: true },
)
