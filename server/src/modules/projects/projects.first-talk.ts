// The first-report, first-talk rule (首报首谈, issue 5) as the project lifecycle sees it. The
// registry module holds the rights; this file is the one place the lifecycle asks it.
import type { FirstTalkStatus } from '../../../../common/src/api/projects.js'
import type { Clock } from '../../clock.js'
import type { DbOrTx } from '../../db/client.js'
import type { Actor } from '../auth/index.js'
import { assertFirstTalkAllows, firstTalkStanding } from '../registry/index.js'

const cityRoles = new Set(['city_admin', 'city_staff'])

/**
 * The first-talk status a new project starts with. A district creating a project for a firm whose
 * right another district holds is refused (409 FIRST_TALK_HELD_ELSEWHERE, from the registry); the
 * city may (it coordinates) and the project is marked city-led.
 */
export async function firstTalkForNewProject(tx: DbOrTx, actor: Actor, clock: Clock, project: { enterpriseId: string | null; regionCode: string }): Promise<FirstTalkStatus> {
  if (!project.enterpriseId) return 'none'
  await assertFirstTalkAllows(tx, actor, { enterpriseId: project.enterpriseId, action: 'project' }, clock)
  const standing = await firstTalkStanding(tx, actor.tenantId, project.enterpriseId, project.regionCode, clock.now())
  if (standing === 'holder') return 'granted'
  if (standing === 'held_elsewhere') return cityRoles.has(actor.role) ? 'city_led' : 'other_district'
  return 'none'
}

/**
 * Whether signing now breaks the rule: the project's district signs a registered firm without
 * holding its first-talk right (a city-led project is the city's call). Such a project gets no city
 * policy support; the flag stays.
 */
export async function firstTalkAtSigning(
  tx: DbOrTx,
  actor: Actor,
  clock: Clock,
  project: { enterpriseId: string | null; regionCode: string; firstTalkStatus: FirstTalkStatus },
): Promise<boolean> {
  if (!project.enterpriseId || project.firstTalkStatus === 'city_led') return false
  const standing = await firstTalkStanding(tx, actor.tenantId, project.enterpriseId, project.regionCode, clock.now())
  return standing !== 'holder'
}
