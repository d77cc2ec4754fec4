import { TargetingPage } from '../../features/targeting/components/targeting-page.js'

export default function Route() {
  return <TargetingPage />
}
