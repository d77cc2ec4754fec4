import { asc, sql, type SQL } from 'drizzle-orm'
import type { AppContext } from '../../context.js'
import type { Actor } from '../auth/index.js'
import { startOfChinaDay } from './home.rules.js'
import { ecosystems, getTenant, scopeDistrict, scopeName } from '../reference/index.js'

/**
 * Which local enterprises a caller's counts cover: a district or platform sees its district,
 * an enterprise sees itself, the city and departments see every local firm.
 */
async function enterpriseScopeCondition(ctx: AppContext, actor: Actor, district: string | null): Promise<SQL> {
  const tenant = await getTenant(ctx.database.db, actor.tenantId)
  const cityRegion = tenant?.regionCode ?? actor.tenantId
  if (actor.scope.type === 'enterprise') return sql`e.id = ${actor.scope.id}::uuid`
  if (district) return sql`e.region_code = ${district}`
  return sql`e.region_code in (select code from regions where parent_code = ${cityRegion})`
}

export async function homeSummary(ctx: AppContext, actor: Actor) {
  const db = ctx.database.db
  const tenantId = actor.tenantId
  const district = await scopeDistrict(db, tenantId, actor.scope)
  const scoped = await enterpriseScopeCondition(ctx, actor, district)
  const platformScoped = district ? sql`p.district_code = ${district}` : sql`true`
  const isAdmin = actor.role === 'city_admin'
  const startOfDay = startOfChinaDay(ctx.clock.now())

  const [counts, byDistrict, byEcosystem, ecosystemRows] = await Promise.all([
    db.execute<{
      enterprises: number
      chain_leaders: number
      relations: number
      platforms: number
      chains: number
      users: number
      audit_today: number
    }>(sql`
      select
        (select count(*) from enterprises e where e.tenant_id = ${tenantId} and ${scoped})::int as enterprises,
        (select count(*) from enterprises e where e.tenant_id = ${tenantId} and e.chain_leader and ${scoped})::int as chain_leaders,
        (select count(*) from enterprise_relations r
           join enterprises e on e.tenant_id = r.tenant_id and e.id = r.from_id
           where r.tenant_id = ${tenantId} and ${scoped})::int as relations,
        (select count(*) from platforms p where p.tenant_id = ${tenantId} and ${platformScoped})::int as platforms,
        (select count(*) from chains c where c.tenant_id = ${tenantId})::int as chains,
        (select count(*) from users u where u.tenant_id = ${tenantId})::int as users,
        (select count(*) from audit_log a where a.tenant_id = ${tenantId} and a.at >= ${startOfDay.toISOString()}::timestamptz)::int as audit_today
    `),
    db.execute<{ code: string; name_zh: string; count: number }>(sql`
      select r.code, r.name_zh, count(e.id)::int as count
      from regions r
      join tenants t on t.id = ${tenantId} and r.parent_code = t.region_code
      left join enterprises e on e.tenant_id = ${tenantId} and e.region_code = r.code and ${scoped}
      group by r.code, r.name_zh
      order by r.code
    `),
    // one main segment per firm, so a plain count per ecosystem needs no DISTINCT
    db.execute<{ ecosystem: string; count: number }>(sql`
      select c.ecosystem, count(*)::int as count
      from enterprise_segments es
      join chain_segments s on s.tenant_id = es.tenant_id and s.code = es.segment_code
      join chains c on c.tenant_id = s.tenant_id and c.code = s.chain_code
      join enterprises e on e.tenant_id = es.tenant_id and e.id = es.enterprise_id
      where es.tenant_id = ${tenantId} and es.main and ${scoped}
      group by c.ecosystem
    `),
    db.select().from(ecosystems).orderBy(asc(ecosystems.position)),
  ])
  const c = counts.rows[0]!
  return {
    scopeName: (await scopeName(db, tenantId, actor.scope)) ?? actor.scope.id,
    counts: {
      enterprises: c.enterprises,
      relations: c.relations,
      chainLeaders: c.chain_leaders,
      platforms: c.platforms,
      chains: c.chains,
      users: isAdmin ? c.users : null,
      auditToday: isAdmin ? c.audit_today : null,
    },
    enterprisesByDistrict: byDistrict.rows
      .filter((r) => actor.scope.type === 'city' || actor.scope.type === 'department' || r.count > 0)
      .map((r) => ({ code: r.code, nameZh: r.name_zh, count: r.count })),
    enterprisesByEcosystem: ecosystemRows.map((eco) => ({
      code: eco.code,
      nameZh: eco.nameZh,
      nameEn: eco.nameEn,
      count: byEcosystem.rows.find((r) => r.ecosystem === eco.code)?.count ?? 0,
    })),
  }
}

