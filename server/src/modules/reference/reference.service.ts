import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Scope } from '../../../../common/src/api/auth.js'
import { groupBy } from '../../../../common/src/collections.js'
import type { AppContext } from '../../context.js'
import type { DbOrTx } from '../../db/client.js'
import { enterprises } from '../enterprise/index.js'
import { chainSegments, chains, departments, ecosystems, platforms, regions, tenants } from './reference.table.js'

export async function getTenant(db: DbOrTx, tenantId: string) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId))
  return tenant ?? null
}

/** The county-level regions under the tenant's city. */
export async function tenantDistricts(db: DbOrTx, tenantId: string) {
  const tenant = await getTenant(db, tenantId)
  if (!tenant) return []
  return db.select().from(regions).where(eq(regions.parentCode, tenant.regionCode)).orderBy(asc(regions.code))
}

/** Human name of a scope, or null when the scope points at nothing in this tenant. */
export async function scopeName(db: DbOrTx, tenantId: string, scope: Scope): Promise<string | null> {
  switch (scope.type) {
    case 'city': {
      const tenant = await getTenant(db, tenantId)
      return tenant && scope.id === tenant.id ? tenant.nameZh : null
    }
    case 'district': {
      const tenant = await getTenant(db, tenantId)
      const [region] = await db.select().from(regions).where(eq(regions.code, scope.id))
      return region && tenant && region.parentCode === tenant.regionCode ? region.nameZh : null
    }
    case 'platform': {
      const [platform] = await db
        .select()
        .from(platforms)
        .where(and(eq(platforms.tenantId, tenantId), eq(platforms.code, scope.id)))
      return platform?.nameZh ?? null
    }
    case 'department': {
      const [department] = await db.select().from(departments).where(eq(departments.code, scope.id))
      return department?.nameZh ?? null
    }
    case 'enterprise': {
      if (!/^[0-9a-f-]{36}$/i.test(scope.id)) return null
      const [enterprise] = await db
        .select({ name: enterprises.name })
        .from(enterprises)
        .where(and(eq(enterprises.tenantId, tenantId), eq(enterprises.id, scope.id)))
      return enterprise?.name ?? null
    }
  }
}

/** The district a scope sits in (a platform's host district), or null for city-wide and unplaced scopes. */
export async function scopeDistrict(db: DbOrTx, tenantId: string, scope: Scope): Promise<string | null> {
  if (scope.type === 'district') return scope.id
  if (scope.type === 'platform') {
    const [platform] = await db
      .select({ districtCode: platforms.districtCode })
      .from(platforms)
      .where(and(eq(platforms.tenantId, tenantId), eq(platforms.code, scope.id)))
    return platform?.districtCode ?? null
  }
  return null
}

export async function tenantReference(ctx: AppContext, tenantId: string) {
  const db = ctx.database.db
  const tenant = await getTenant(db, tenantId)
  const [districtRows, platformRows, departmentRows] = await Promise.all([
    tenantDistricts(db, tenantId),
    db.select().from(platforms).where(eq(platforms.tenantId, tenantId)).orderBy(asc(platforms.districtCode), asc(platforms.code)),
    db.select().from(departments).orderBy(asc(departments.code)),
  ])
  return {
    tenant: { id: tenantId, nameZh: tenant?.nameZh ?? tenantId },
    districts: districtRows,
    platforms: platformRows.map(({ tenantId: _t, ...p }) => p),
    departments: departmentRows,
  }
}

export async function chainCatalog(ctx: AppContext, tenantId: string) {
  const db = ctx.database.db
  const [ecosystemRows, chainRows, segmentRows] = await Promise.all([
    db.select().from(ecosystems).orderBy(asc(ecosystems.position)),
    db.select().from(chains).where(eq(chains.tenantId, tenantId)).orderBy(asc(chains.position)),
    db.select().from(chainSegments).where(eq(chainSegments.tenantId, tenantId)).orderBy(asc(chainSegments.position)),
  ])
  const segmentsByChain = groupBy(segmentRows, (s) => s.chainCode)
  return {
    ecosystems: ecosystemRows.map(({ position: _p, ...e }) => e),
    chains: chainRows.map(({ tenantId: _t, position: _p, ...chain }) => ({
      ...chain,
      segments: (segmentsByChain.get(chain.code) ?? []).map(({ tenantId: _t2, chainCode: _c, ...s }) => s),
    })),
  }
}

/** Resolves many scope names with a handful of queries (for user lists). */
export async function scopeNamer(db: DbOrTx, tenantId: string, scopes: Scope[]): Promise<(scope: Scope) => string> {
  const tenant = await getTenant(db, tenantId)
  const [districtRows, platformRows, departmentRows] = await Promise.all([
    tenantDistricts(db, tenantId),
    db.select({ code: platforms.code, nameZh: platforms.nameZh }).from(platforms).where(eq(platforms.tenantId, tenantId)),
    db.select({ code: departments.code, nameZh: departments.nameZh }).from(departments),
  ])
  const enterpriseIds = scopes.filter((s) => s.type === 'enterprise' && /^[0-9a-f-]{36}$/i.test(s.id)).map((s) => s.id)
  const enterpriseRows = enterpriseIds.length
    ? await db
        .select({ code: enterprises.id, nameZh: enterprises.name })
        .from(enterprises)
        .where(and(eq(enterprises.tenantId, tenantId), inArray(enterprises.id, enterpriseIds)))
    : []
  const names = {
    city: new Map(tenant ? [[tenant.id, tenant.nameZh]] : []),
    district: new Map(districtRows.map((r) => [r.code, r.nameZh])),
    platform: new Map(platformRows.map((r) => [r.code, r.nameZh])),
    department: new Map(departmentRows.map((r) => [r.code, r.nameZh])),
    enterprise: new Map(enterpriseRows.map((r) => [r.code, r.nameZh])),
  }
  return (scope) => names[scope.type].get(scope.id) ?? scope.id
}
