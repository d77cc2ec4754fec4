// The first-report, first-talk rule (首报首谈, issue 5) as the project lifecycle sees it.
//
// The registry module (issue 5) that holds first-talk rights did not exist when this module was
// built; these two functions are where its calls go: `assertFirstTalkAllows` at create (another
// district holding the right → 409 FIRST_TALK_HELD_ELSEWHERE) and `firstTalkStanding` at 签约
// (signing without the right sets violates_first_talk). Until then every project counts as
// outside the registry ('none') and signing does not violate.
import type { FirstTalkStatus } from '../../../../common/src/api/projects.js'
import type { DbOrTx } from '../../db/client.js'
import type { Actor } from '../auth/index.js'

/** The first-talk status a new project starts with; throws FIRST_TALK_HELD_ELSEWHERE when another district holds the right. */
export async function firstTalkForNewProject(_tx: DbOrTx, _actor: Actor, _project: { enterpriseId: string | null; regionCode: string }): Promise<FirstTalkStatus> {
  return 'none'
}

/** Whether signing now violates the first-talk rule (the district signs without holding the right). */
export async function firstTalkAtSigning(
  _tx: DbOrTx,
  _actor: Actor,
  project: { enterpriseId: string | null; regionCode: string; firstTalkStatus: FirstTalkStatus },
): Promise<boolean> {
  return project.firstTalkStatus === 'other_district'
}
