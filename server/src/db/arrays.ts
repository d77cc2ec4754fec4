/** A Postgres text[] literal, to bind as one parameter and cast (`= any($1::text[])`); quotes and backslashes survive. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`
}
