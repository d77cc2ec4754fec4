import { DepartmentProblemsPage } from '../../features/supervision/components/department-problems-page.js'

export default function Route() {
  return <DepartmentProblemsPage />
}
