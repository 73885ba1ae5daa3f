export { decodeNumber, decodeSeries, relativeError, sameNumber } from './numbers.js';
export {
  defaultReferenceDir,
  expectedRows,
  listDatasets,
  loadDataset,
  loadIndicatorCases,
  loadSliceTrace,
  type CaseKind,
  type ManifestDataset,
  type ReferenceCase,
  type ReferenceCaseFile,
  type ReferenceColumns,
  type ReferenceDataset,
  type SliceStep,
} from './reference.js';
