// Pure rules of the user forms: which scope a role may carry, what the scope picker offers, what an
// edit changed. The server decides again (users.rules.ts); these only keep the form honest.
import type { Scope } from '../../../../common/src/api/auth.js'
import type { tenantReferenceSchema } from '../../../../common/src/api/reference.js'
import type { UpdateUserRequest, User } from '../../../../common/src/api/users.js'
import { allowedScopes, type Role, type ScopeType } from '../../../../common/src/roles.js'
import { pickName, type Lang } from '../../lib/translate.js'
import type { z } from 'zod'

type TenantReference = z.infer<typeof tenantReferenceSchema>

export interface ScopeValue {
  type: ScopeType
  id?: string
}

export function scopeTypesFor(role: Role): readonly ScopeType[] {
  return allowedScopes[role]
}

/** A city scope is always the tenant itself, so the picker needs no second field for it. */
export function scopeNeedsId(type: ScopeType): type is Exclude<ScopeType, 'city'> {
  return type !== 'city'
}

/** Keeps the scope when the new role may carry it; otherwise the role's first scope type, empty. */
export function scopeForRole(role: Role, current: ScopeValue | undefined, tenantId: string | undefined): ScopeValue {
  const types = scopeTypesFor(role)
  if (current && types.includes(current.type)) {
    return current.type === 'city' ? { type: 'city', id: tenantId } : current
  }
  const type = types[0]!
  return type === 'city' ? { type, id: tenantId } : { type, id: undefined }
}

export interface ScopeOption {
  value: string
  label: string
}

/** Choices for the scope id; enterprises are typed in by id until an enterprise search exists. */
export function scopeOptions(type: ScopeType, reference: TenantReference | undefined, lang: Lang): ScopeOption[] {
  if (!reference) return []
  switch (type) {
    case 'city':
      return [{ value: reference.tenant.id, label: reference.tenant.nameZh }]
    case 'district':
      return reference.districts
        .filter((d) => d.level === 'district')
        .map((d) => ({ value: d.code, label: `${d.nameZh} (${d.code})` }))
    case 'platform': {
      const districtName = new Map(reference.districts.map((d) => [d.code, d.nameZh]))
      return reference.platforms.map((p) => {
        const district = districtName.get(p.districtCode)
        return { value: p.code, label: district ? `${pickName(lang, p)} · ${district}` : pickName(lang, p) }
      })
    }
    case 'department':
      return reference.departments.map((d) => ({ value: d.code, label: pickName(lang, d) }))
    case 'enterprise':
      return []
  }
}

export interface EditUserValues {
  displayName: string
  role: Role
  scope: ScopeValue
  disabled: boolean
}

/** Only what the administrator changed, so the audit log shows the change and nothing else. */
export function userChanges(user: User, values: EditUserValues, tenantId: string): UpdateUserRequest {
  const changes: UpdateUserRequest = {}
  if (values.displayName.trim() !== user.displayName) changes.displayName = values.displayName.trim()
  if (values.role !== user.role) changes.role = values.role
  const scope: Scope = {
    type: values.scope.type,
    id: values.scope.type === 'city' ? tenantId : (values.scope.id ?? '').trim(),
  }
  if (scope.type !== user.scope.type || scope.id !== user.scope.id || changes.role) changes.scope = scope
  if (values.disabled !== user.disabled) changes.disabled = values.disabled
  return changes
}

const passwordAlphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A 14-character initial password with letters and digits (no 0/O, 1/l/I to read aloud). */
export function generatePassword(random: (n: number) => Uint32Array = (n) => crypto.getRandomValues(new Uint32Array(n))): string {
  for (;;) {
    const values = random(14)
    const password = Array.from(values, (v) => passwordAlphabet[v % passwordAlphabet.length]).join('')
    if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password
  }
}
