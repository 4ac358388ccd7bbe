export interface CsvTable {
  /** Lower-cased, trimmed column names. */
  header: string[]
  /** Data lines with their 1-based line numbers in the file, for error reports. */
  rows: { line: number; fields: string[] }[]
}

/**
 * A small CSV reader: comma-separated, double quotes around fields that hold
 * commas or quotes ("" inside is one quote), first line is the header, blank
 * lines ignored. Enough for exchange dumps, which never span lines.
 */
export function parseCsv(text: string): CsvTable {
  const lines = text.split(/\r?\n/)
  const header = splitCsvLine(lines[0] ?? '').map((name) => name.trim().toLowerCase())
  const rows: CsvTable['rows'] = []
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() === '') continue
    rows.push({ line: i + 1, fields: splitCsvLine(line) })
  }
  return { header, rows }
}

export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',')
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      fields.push(field)
      field = ''
    } else field += ch
  }
  fields.push(field)
  return fields
}
