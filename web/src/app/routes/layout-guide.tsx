import { LayoutGuidePage } from '../../features/chain/components/layout-guide-page.js'

export default function Route() {
  return <LayoutGuidePage />
}
