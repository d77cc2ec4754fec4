/** Query keys of the enterprise feature; every mutation invalidates under `enterpriseKeys.all`. */
export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (params: object) => ['enterprises', 'list', params] as const,
  detail: (id: string) => ['enterprises', 'detail', id] as const,
  history: (id: string) => ['enterprises', 'history', id] as const,
  group: (id: string) => ['enterprises', 'group', id] as const,
  relations: (id: string) => ['enterprises', 'relations', id] as const,
  graph: (id: string, params: object) => ['enterprises', 'graph', id, params] as const,
  suppliers: (id: string) => ['enterprises', 'suppliers', id] as const,
}
