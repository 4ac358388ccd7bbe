// Enforces the dependency rules of ARCHITECTURE.md: each source folder is a
// layer that may import only the layers and packages listed for it. A wrong
// import fails lint, and so `npm test`.
import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const root = resolve(dirname(new URL(import.meta.url).pathname), '..')

/**
 * Layers, most specific first. `layers` lists the layers a file may import;
 * `packages` is 'any' or a list; `node` allows Node built-ins.
 */
const LAYERS = [
  { name: 'shared', dir: 'src/shared', layers: ['shared'], packages: ['zod'], node: false },
  { name: 'ports', dir: 'src/main/ports', layers: ['ports', 'shared'], packages: [], node: false },
  { name: 'core', dir: 'src/main/core', layers: ['core', 'ports', 'shared'], packages: ['zod'], node: false },
  { name: 'adapters', dir: 'src/main/adapters', layers: ['own-adapter', 'ports', 'shared'], packages: 'any', forbidden: ['electron'], node: true },
  { name: 'composition', dir: 'src/main/composition', layers: ['composition', 'adapters', 'core', 'ports', 'shared', 'package-json'], packages: [], node: true },
  { name: 'headless', dir: 'src/main/headless', layers: ['headless', 'composition', 'adapters', 'core', 'ports', 'shared'], packages: ['ws', 'better-sqlite3'], node: true },
  { name: 'shell', dir: 'src/main/shell', layers: ['shell', 'composition', 'core', 'ports', 'shared'], packages: ['electron'], node: true },
  { name: 'main-entry', dir: 'src/main/index.ts', layers: ['shell', 'composition', 'core', 'ports', 'shared'], packages: ['electron'], node: true },
  { name: 'preload', dir: 'src/preload', layers: ['preload', 'shared'], packages: ['electron'], node: false },
  { name: 'renderer', dir: 'src/renderer', layers: ['renderer', 'shared'], packages: 'any', forbidden: ['electron'], node: false },
]

function layerOf(file) {
  const rel = relative(root, file).split(sep).join('/')
  if (rel === 'package.json') return { name: 'package-json', rel }
  if (rel.startsWith('test/')) return { name: 'test', rel }
  const layer = LAYERS.find((l) => rel === l.dir || rel.startsWith(`${l.dir}/`))
  return layer ? { ...layer, rel } : { name: 'other', rel }
}

function adapterFolder(rel) {
  return rel.split('/')[3]
}

function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function check(fromFile, specifier) {
  const from = layerOf(fromFile)
  if (!LAYERS.some((l) => l.name === from.name)) return null // tests, scripts, config: unrestricted

  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = layerOf(resolve(dirname(fromFile), specifier))
    if (target.name === 'test') return `production code must not import test code (${specifier})`
    if (from.layers.includes(target.name)) return null
    if (from.name === 'adapters' && target.name === 'adapters') {
      return adapterFolder(from.rel) === adapterFolder(target.rel) ? null : `an adapter must not import another adapter (${specifier})`
    }
    return `${from.name} may import only ${from.layers.join(', ')}; ${specifier} is in ${target.name}`
  }

  if (NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(packageName(specifier))) {
    return from.node ? null : `${from.name} must not import Node built-ins (${specifier})`
  }
  const pkg = packageName(specifier)
  if (from.forbidden?.includes(pkg)) return `${from.name} must not import ${pkg}`
  if (from.packages === 'any' || from.packages.includes(pkg)) return null
  return `${from.name} must not import the package ${pkg}${from.packages.length ? ` (allowed: ${from.packages.join(', ')})` : ''}`
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer dependency rules of ARCHITECTURE.md' },
    schema: [],
    messages: { layering: 'Layering: {{reason}}' },
  },
  create(context) {
    const report = (node, source) => {
      if (typeof source !== 'string') return
      const reason = check(context.filename, source)
      if (reason) context.report({ node, messageId: 'layering', data: { reason } })
    }
    return {
      ImportDeclaration: (node) => report(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && report(node, node.source.value),
      ExportAllDeclaration: (node) => report(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && report(node, node.source.value),
    }
  },
}

export default { rules: { layering: rule } }
