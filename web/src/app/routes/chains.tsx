import { ChainsPage } from '../../features/chain/components/chains-page.js'

export default function Route() {
  return <ChainsPage />
}
