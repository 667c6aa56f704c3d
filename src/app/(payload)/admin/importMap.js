import { PhraseWorkspace as PhraseWorkspace_276d345d63c9926690ab493086cf13f6 } from '../../../components/PhraseWorkspace'
import { VersionHistory as VersionHistory_179a01fb7ec8338083999bbc3c57331f } from '../../../components/VersionHistory'
import { WorkflowPanel as WorkflowPanel_3a8e8d00bf1f50233953c9d2e1ecfe05 } from '../../../components/WorkflowPanel'
import { WorkflowStateCell as WorkflowStateCell_5a3b8b9ad12c64bc12fcd9c15c1ad94a } from '../../../components/WorkflowStateBadge'
import { PhraseListTools as PhraseListTools_ca7d8508839f7b12ba75db0f865aa9cb } from '../../../components/PhraseListTools'
import { NoPublishButton as NoPublishButton_5a3b8b9ad12c64bc12fcd9c15c1ad94a } from '../../../components/WorkflowStateBadge'
import { LanguageSwitch as LanguageSwitch_f0620009c869ae8f3aeb344e235d0077 } from '../../../components/LanguageSwitch'
import { NavLinks as NavLinks_81af12b52b4dd603ece34338c3ddc417 } from '../../../components/NavLinks'
import { ReviewQueueView as ReviewQueueView_dd633564f0a13145322aec195e51febb } from '../../../components/ReviewQueueView'
import { ImportView as ImportView_e0914430343acda479f6798b2a6c428e } from '../../../components/ImportView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/PhraseWorkspace#PhraseWorkspace": PhraseWorkspace_276d345d63c9926690ab493086cf13f6,
  "/components/VersionHistory#VersionHistory": VersionHistory_179a01fb7ec8338083999bbc3c57331f,
  "/components/WorkflowPanel#WorkflowPanel": WorkflowPanel_3a8e8d00bf1f50233953c9d2e1ecfe05,
  "/components/WorkflowStateBadge#WorkflowStateCell": WorkflowStateCell_5a3b8b9ad12c64bc12fcd9c15c1ad94a,
  "/components/PhraseListTools#PhraseListTools": PhraseListTools_ca7d8508839f7b12ba75db0f865aa9cb,
  "/components/WorkflowStateBadge#NoPublishButton": NoPublishButton_5a3b8b9ad12c64bc12fcd9c15c1ad94a,
  "/components/LanguageSwitch#LanguageSwitch": LanguageSwitch_f0620009c869ae8f3aeb344e235d0077,
  "/components/NavLinks#NavLinks": NavLinks_81af12b52b4dd603ece34338c3ddc417,
  "/components/ReviewQueueView#ReviewQueueView": ReviewQueueView_dd633564f0a13145322aec195e51febb,
  "/components/ImportView#ImportView": ImportView_e0914430343acda479f6798b2a6c428e,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
