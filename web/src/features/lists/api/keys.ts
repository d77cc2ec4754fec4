// Query keys of the lists feature: mutations invalidate a whole list by its root key.
export const listsKeys = {
  leaders: ['lists', 'chain-leaders'] as const,
  suppliers: ['lists', 'key-suppliers'] as const,
  targets: ['lists', 'targets'] as const,
  history: ['lists', 'history'] as const,
}
