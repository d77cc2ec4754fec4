import { and, asc, count, eq } from 'drizzle-orm'
import type { Role } from '../../common/src/roles.js'
import type { Scope } from '../../common/src/api/auth.js'
import type { Clock } from './clock.js'
import type { Database } from './db/client.js'
import { loadDataset } from './generator/load.js'
import { hashPassword, randomPassword, systemActor } from './modules/auth/index.js'
import { enterprises } from './modules/enterprise/index.js'
import { seedLayoutGuide } from './modules/chain/index.js'
import { platforms, seedReferenceData } from './modules/reference/index.js'
import { insertUser, users, type NewUser } from './modules/users/index.js'

export const DEMO_PASSWORD = 'chainboard2026'

export interface DemoAccount {
  username: string
  displayName: string
  role: Role
  scopeHint: string
}

export interface BootstrapResult {
  referenceSeeded: boolean
  /** Set only on the start that created the admin with a generated password: shown once, never stored. */
  generatedAdminPassword: string | null
  demoAccounts: DemoAccount[]
  dataset: { enterprises: number; relations: number; ms: number } | null
}

/** Creates a user as the system unless the username exists (first start is re-run on every start). */
async function ensureUser(
  database: Database,
  clock: Clock,
  tenantId: string,
  user: Omit<NewUser, 'passwordHash'> & { password: string },
) {
  const { password, ...fields } = user
  const passwordHash = await hashPassword(password)
  await database.db.transaction((tx) => insertUser(tx, { clock }, systemActor(tenantId), { ...fields, passwordHash }))
}

/** First-start work: reference data, the city admin, and (in demo mode) demo data with one account per role. */
export async function bootstrap(
  database: Database,
  clock: Clock,
  options: { tenantId: string; adminPassword?: string | undefined; demoData: 'none' | 'tiny' | 'demo' },
): Promise<BootstrapResult> {
  const { tenantId } = options
  const referenceSeeded = await database.db.transaction(async (tx) => {
    const seeded = await seedReferenceData(tx, tenantId, clock.now())
    // the platforms' chains are the first layout guide, for the year the city starts in
    await seedLayoutGuide(tx, tenantId, chinaYear(clock.now()), clock.now())
    return seeded
  })
  // without statistics the planner takes the reference tables for empty and nests loops over them
  if (referenceSeeded) await database.pool.query('ANALYZE regions, industry_classes, ecosystems, departments, platforms, chains, chain_segments, tenants')

  let generatedAdminPassword: string | null = null
  const [admin] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'))
  if (!admin) {
    const password = options.adminPassword ?? randomPassword()
    if (!options.adminPassword) generatedAdminPassword = password
    await ensureUser(database, clock, tenantId, {
      username: 'admin',
      displayName: '系统管理员',
      role: 'city_admin',
      scope: { type: 'city', id: tenantId },
      password,
      mustChangePassword: !options.adminPassword,
    })
  }

  let dataset: BootstrapResult['dataset'] = null
  const demoAccounts: DemoAccount[] = []
  if (options.demoData !== 'none') {
    const [existing] = await database.db.select({ n: count() }).from(enterprises).where(eq(enterprises.tenantId, tenantId))
    if ((existing?.n ?? 0) === 0) {
      const loaded = await loadDataset(database, { tenantId, size: options.demoData, now: clock.now() })
      dataset = { enterprises: loaded.enterprises, relations: loaded.relations, ms: loaded.ms }
    }
    demoAccounts.push(...(await ensureDemoAccounts(database, clock, tenantId)))
  }
  return { referenceSeeded, generatedAdminPassword, demoAccounts, dataset }
}

async function ensureDemoAccounts(database: Database, clock: Clock, tenantId: string): Promise<DemoAccount[]> {
  const db = database.db
  const [platform] = await db
    .select()
    .from(platforms)
    .where(and(eq(platforms.tenantId, tenantId), eq(platforms.districtCode, '330108')))
    .orderBy(asc(platforms.code))
    .limit(1)
  const [enterprise] = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(and(eq(enterprises.tenantId, tenantId), eq(enterprises.chainLeader, true), eq(enterprises.regionCode, '330108')))
    .orderBy(asc(enterprises.uscc))
    .limit(1)
  const accounts: Array<DemoAccount & { scope: Scope }> = [
    { username: 'city.staff', displayName: '市投促局 张明', role: 'city_staff', scope: { type: 'city', id: tenantId }, scopeHint: '杭州市' },
    { username: 'binjiang', displayName: '滨江区投促局 李华', role: 'district_staff', scope: { type: 'district', id: '330108' }, scopeHint: '滨江区' },
    { username: 'xiaoshan', displayName: '萧山区投促局 王芳', role: 'district_staff', scope: { type: 'district', id: '330109' }, scopeHint: '萧山区' },
    { username: 'chunan', displayName: '淳安县投促中心 陈刚', role: 'district_staff', scope: { type: 'district', id: '330127' }, scopeHint: '淳安县' },
    { username: 'reviewer', displayName: '市发改委 赵敏', role: 'department_reviewer', scope: { type: 'department', id: 'development_reform' }, scopeHint: '市发展和改革委员会' },
    { username: 'leader', displayName: '分管副市长 周强', role: 'leader', scope: { type: 'city', id: tenantId }, scopeHint: '杭州市' },
  ]
  if (platform) {
    accounts.push({ username: 'platform', displayName: `${platform.nameZh} 孙磊`, role: 'platform_staff', scope: { type: 'platform', id: platform.code }, scopeHint: platform.nameZh })
  }
  if (enterprise) {
    accounts.push({ username: 'enterprise', displayName: `${enterprise.name} 对接人`, role: 'enterprise', scope: { type: 'enterprise', id: enterprise.id }, scopeHint: enterprise.name })
  }
  for (const account of accounts) {
    await ensureUser(database, clock, tenantId, { ...account, password: DEMO_PASSWORD, mustChangePassword: false })
  }
  return accounts.map(({ scope: _s, ...a }) => a)
}

/** The calendar year in China (UTC+8) of an instant. */
function chinaYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear()
}
