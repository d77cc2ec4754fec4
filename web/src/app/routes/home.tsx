import { roleLabels } from '../../../../common/src/roles.js'
import { HomeDashboard } from '../../features/home/components/home-dashboard.js'
import { useI18n } from '../../lib/i18n.js'
import { pickLabel } from '../../lib/translate.js'
import { useSignedInUser } from '../guards.js'

export default function HomeRoute() {
  const me = useSignedInUser()
  const { lang } = useI18n()
  return <HomeDashboard displayName={me.displayName} roleLabel={pickLabel(lang, roleLabels[me.role])} />
}
