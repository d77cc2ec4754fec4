export const roles = [
  'city_admin',
  'city_staff',
  'district_staff',
  'platform_staff',
  'department_reviewer',
  'leader',
  'enterprise',
] as const
export type Role = (typeof roles)[number]

export const scopeTypes = ['city', 'district', 'platform', 'department', 'enterprise'] as const
export type ScopeType = (typeof scopeTypes)[number]

/** Which scope type each role must carry; a leader may read the city or one district. */
export const allowedScopes: Record<Role, readonly ScopeType[]> = {
  city_admin: ['city'],
  city_staff: ['city'],
  district_staff: ['district'],
  platform_staff: ['platform'],
  department_reviewer: ['department'],
  leader: ['city', 'district'],
  enterprise: ['enterprise'],
}

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  city_admin: { zh: '市级管理员', en: 'City administrator' },
  city_staff: { zh: '市投促局工作人员', en: 'City bureau staff' },
  district_staff: { zh: '区县投促人员', en: 'District staff' },
  platform_staff: { zh: '产业平台人员', en: 'Platform staff' },
  department_reviewer: { zh: '部门审核人员', en: 'Department reviewer' },
  leader: { zh: '领导（只读）', en: 'Leader (read only)' },
  enterprise: { zh: '企业用户', en: 'Enterprise' },
}

export const cityRoles: readonly Role[] = ['city_admin', 'city_staff']
