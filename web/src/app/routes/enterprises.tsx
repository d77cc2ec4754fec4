import { EnterprisesPage } from '../../features/enterprise/components/enterprises-page.js'

export default function Route() {
  return <EnterprisesPage />
}
