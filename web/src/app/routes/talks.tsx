import { TalksPage } from '../../features/talks/components/talks-page.js'

export default function Route() {
  return <TalksPage />
}
