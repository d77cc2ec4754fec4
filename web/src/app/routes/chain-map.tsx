import { ChainMapPage } from '../../features/chain/components/chain-map-page.js'

export default function Route() {
  return <ChainMapPage />
}
