import { useParams } from 'react-router-dom'
import { useMe } from '../../features/auth/api/get-me.js'
import { ProjectDetailPage } from '../../features/projects/components/project-detail-page.js'
import { ProblemsPanel } from '../../features/supervision/components/problems-panel.js'

const writers = new Set(['city_admin', 'city_staff', 'district_staff'])

/** The project page with its problem list (the app composes the two features). */
export default function Route() {
  const { id = '' } = useParams()
  const me = useMe().data
  const canEdit = !!me && writers.has(me.role)
  return <ProjectDetailPage key={id} id={id} canEdit={canEdit} problems={<ProblemsPanel projectId={id} canRaise={canEdit} canAct={canEdit} />} />
}
