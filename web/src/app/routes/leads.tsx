import { LeadsPage } from '../../features/leads/components/leads-page.js'

export default function Route() {
  return <LeadsPage />
}
