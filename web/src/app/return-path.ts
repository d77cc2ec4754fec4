/** Where to go after signing in: the page the user asked for, never another site and never /login again. */
export function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null | undefined)?.from
  if (typeof from !== 'string') return '/'
  if (!from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\')) return '/'
  if (from === '/login' || from.startsWith('/login?') || from.startsWith('/login/')) return '/'
  return from
}
