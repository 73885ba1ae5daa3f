export { runCli, USAGE, type CliIo } from './cli.js';
export { computeFiles, addIndicators, formatComputeSummary, type ComputeOptions, type ComputeSummary } from './compute-command.js';
export { writeReport, formatReportSummary, type ReportOptions, type ReportSummary } from './report-command.js';
export { renderReportHtml, type ReportInput, type ReportLine } from './report-html.js';
export { parseIndicatorList, type IndicatorRequest } from './indicator-list.js';
export { formatOf, outputPath, readCandleFile, writeCandleFile, FILE_FORMATS, type FileFormat } from './files.js';
export { CliError, describeError } from './errors.js';
