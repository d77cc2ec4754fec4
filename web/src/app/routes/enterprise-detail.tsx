import { EnterpriseDetailPage } from '../../features/enterprise/components/enterprise-detail-page.js'

export default function Route() {
  return <EnterpriseDetailPage />
}
