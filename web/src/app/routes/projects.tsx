import { ProjectsPage } from '../../features/projects/components/projects-page.js'

export default function Route() {
  return <ProjectsPage />
}
