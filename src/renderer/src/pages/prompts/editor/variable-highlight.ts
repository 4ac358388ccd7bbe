import { Decoration, MatchDecorator, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view'
import { isKnownVariable, TEMPLATE_VARIABLE } from '../template-variables'

/**
 * Marks every {{name}} in the editor: a variable the orchestrator fills in
 * the accent colour, any other name in red with a title saying why, so a
 * typo shows while typing. The same pattern as findTemplateVariables.
 */
export function variableHighlight(describe: (name: string, known: boolean) => string) {
  const decorator = new MatchDecorator({
    regexp: new RegExp(TEMPLATE_VARIABLE.source, 'g'),
    decoration: (match) => {
      const name = match[1]!
      const known = isKnownVariable(name)
      return Decoration.mark({
        class: known ? 'cm-template-var cm-template-var-known' : 'cm-template-var cm-template-var-unknown',
        attributes: { title: describe(name, known), 'data-variable': name, 'data-known': String(known) },
      })
    },
  })
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet
      constructor(view: EditorView) {
        this.decorations = decorator.createDeco(view)
      }
      update(update: ViewUpdate): void {
        this.decorations = decorator.updateDeco(update, this.decorations)
      }
    },
    { decorations: (plugin) => plugin.decorations },
  )
}
