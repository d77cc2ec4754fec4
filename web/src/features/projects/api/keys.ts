// Query keys of the projects feature: mutations invalidate by root key.
export const projectKeys = {
  all: ['projects'] as const,
  list: ['projects', 'list'] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  events: (id: string) => ['projects', 'events', id] as const,
  checklist: (id: string) => ['projects', 'checklist', id] as const,
  settings: ['projects', 'settings'] as const,
  views: ['projects', 'views'] as const,
}
