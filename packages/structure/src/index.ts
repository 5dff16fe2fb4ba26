export { extractStructure, type StructurePageInput } from './extract.ts';
export { parseSpecifications, type ParsedSpec } from './specifications/parse.ts';
