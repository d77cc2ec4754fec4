import { AuditPage } from '../../features/audit/components/audit-page.js'

export default function AuditRoute() {
  return <AuditPage />
}
