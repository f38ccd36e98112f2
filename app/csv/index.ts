/** The one CSV module: every import decodes and parses here, every export writes here. */
export { decodeCsvBytes, type CsvEncoding, type Decoded } from "./decode";
export { parseCsvText, type CsvRecord, type ParsedCsv } from "./parse";
export { csvCell, guardFormula, toCsv, type CsvValue } from "./write";
