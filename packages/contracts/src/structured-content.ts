import { z } from 'zod';

/**
 * `structured_content` of an OCR result: what `@ocr/structure` reads out of the engine's text and
 * line boxes. Everything carries the page it came from and, where the engine gave boxes, where on
 * the page it is, so a client can highlight it.
 */

const pageNumber = z.number().int().min(1).meta({ description: '1-based page number in the document.' });

export const boundingBoxSchema = z
  .object({
    x: z.number().meta({ description: 'Left edge, page pixels.' }),
    y: z.number().meta({ description: 'Top edge, page pixels.' }),
    width: z.number().min(0).meta({ description: 'Width, page pixels.' }),
    height: z.number().min(0).meta({ description: 'Height, page pixels.' }),
  })
  .meta({ id: 'BoundingBox', description: 'Axis-aligned rectangle in page pixels, origin at the top-left.' });
export type BoundingBox = z.infer<typeof boundingBoxSchema>;

const confidence = z
  .number()
  .min(0)
  .max(1)
  .meta({ description: '0..1, from the engine scores of the text it was read from and how regular the structure is.' });

// ── tables ────────────────────────────────────────────────────────────────────────────────────

export const tableCellSchema = z
  .object({
    row: z.number().int().min(0).meta({ description: 'Grid row: header rows first, then body rows (0-based).' }),
    column: z.number().int().min(0).meta({ description: 'Grid column (0-based).' }),
    rowSpan: z.number().int().min(1).meta({ description: 'Rows this cell covers (merged cells > 1).' }),
    colSpan: z.number().int().min(1).meta({ description: 'Columns this cell covers (merged cells > 1).' }),
    text: z.string().meta({ description: 'Cell text; empty for an empty cell.' }),
    header: z.boolean().meta({ description: 'True for cells of the header rows.' }),
    box: boundingBoxSchema.optional().meta({ description: 'Where the cell is; only when the engine gave line boxes.' }),
  })
  .meta({ id: 'TableCell', description: 'One cell of a table, merged cells once with their spans.' });
export type TableCell = z.infer<typeof tableCellSchema>;

export const tableSourceSchema = z
  .enum(['markdown', 'html', 'layout'])
  .meta({ description: 'Where the table was found: a Markdown or HTML table in model text, or aligned text lines.' });
export type TableSource = z.infer<typeof tableSourceSchema>;

export const tableSchema = z
  .object({
    page: pageNumber,
    source: tableSourceSchema,
    header: z
      .array(z.string())
      .nullable()
      .meta({
        description:
          'Column names, one per column; a multi-row header is flattened (e.g. "Tolerance Upper"). Null when the table has no header row.',
      }),
    rows: z
      .array(z.array(z.string()))
      .meta({ description: 'Body rows (header excluded), each with one string per column; "" for empty cells.' }),
    markdown: z.string().meta({ description: 'The table as a GitHub-flavoured Markdown table.' }),
    confidence,
    cells: z
      .array(tableCellSchema)
      .optional()
      .meta({ description: 'Every cell with its grid position and spans (and boxes, for layout tables).' }),
    box: boundingBoxSchema.optional().meta({ description: 'The whole table; only for layout tables.' }),
  })
  .meta({ id: 'Table', description: 'A table read from the page.' });
export type Table = z.infer<typeof tableSchema>;

// ── specifications ────────────────────────────────────────────────────────────────────────────

export const textSpanSchema = z
  .object({
    line: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'Index of the line the text was read from: into the engine lines, or the text split at newlines.' }),
    start: z.number().int().min(0).meta({ description: 'UTF-16 offset of the first character within that line.' }),
    end: z.number().int().min(0).meta({ description: 'UTF-16 offset just past the last character.' }),
  })
  .meta({ id: 'TextSpan', description: 'Where in the page text a value was read.' });
export type TextSpan = z.infer<typeof textSpanSchema>;

export const toleranceSchema = z
  .object({
    upper: z.number().meta({ description: 'Upper deviation, signed, in the unit of the value (e.g. +0.1).' }),
    lower: z.number().meta({ description: 'Lower deviation, signed, in the unit of the value (e.g. -0.05).' }),
  })
  .meta({ id: 'Tolerance', description: 'Permitted deviations from the nominal value; ±t is {upper: t, lower: -t}.' });
export type Tolerance = z.infer<typeof toleranceSchema>;

const lengthUnitSchema = z
  .enum(['mm', 'cm', 'm', 'µm', 'in'])
  .meta({ description: 'Length unit; mm where the drawing gives none (the drawing convention).' });
export type LengthUnit = z.infer<typeof lengthUnitSchema>;

const specBase = {
  text: z.string().meta({ description: 'The original text as read, e.g. "Φ30H7/g6".' }),
  page: pageNumber,
  span: textSpanSchema,
  box: boundingBoxSchema.optional().meta({
    description: 'Approximate place on the page (the share of its line box); only when the engine gave line boxes.',
  }),
};

const count = z
  .number()
  .int()
  .min(1)
  .optional()
  .meta({ description: 'Number of like features, from "4×Ø10" or "4-Φ10".' });

export const linearDimensionSpecSchema = z
  .object({
    kind: z.literal('linear_dimension'),
    ...specBase,
    value: z.number().meta({ description: 'Nominal size.' }),
    unit: lengthUnitSchema,
    tolerance: toleranceSchema.optional(),
  })
  .meta({ id: 'LinearDimensionSpec', description: 'A length with a tolerance or an explicit unit, e.g. "20±0.05", "20 +0.1/-0.05", "25 mm".' });

export const diameterSpecSchema = z
  .object({
    kind: z.literal('diameter'),
    ...specBase,
    value: z.number().meta({ description: 'Nominal diameter.' }),
    unit: lengthUnitSchema,
    spherical: z.boolean().meta({ description: 'True for a spherical diameter (SØ).' }),
    tolerance: toleranceSchema.optional(),
    count,
  })
  .meta({ id: 'DiameterSpec', description: 'A diameter, e.g. "Φ20", "φ12±0.1", "4×Ø8".' });

export const radiusSpecSchema = z
  .object({
    kind: z.literal('radius'),
    ...specBase,
    value: z.number().meta({ description: 'Nominal radius.' }),
    unit: lengthUnitSchema,
    spherical: z.boolean().meta({ description: 'True for a spherical radius (SR).' }),
    tolerance: toleranceSchema.optional(),
    count,
  })
  .meta({ id: 'RadiusSpec', description: 'A radius, e.g. "R5", "SR10", "R2.5±0.1".' });

export const angleSpecSchema = z
  .object({
    kind: z.literal('angle'),
    ...specBase,
    value: z.number().meta({ description: 'Nominal angle in decimal degrees (12°30′ is 12.5).' }),
    unit: z.literal('deg'),
    tolerance: toleranceSchema.optional().meta({ description: 'Deviations in decimal degrees.' }),
  })
  .meta({ id: 'AngleSpec', description: 'An angular dimension, e.g. "45°", "30°±0.5°", "12°30\'".' });

export const chamferSpecSchema = z
  .object({
    kind: z.literal('chamfer'),
    ...specBase,
    size: z.number().meta({ description: 'Leg length of the chamfer.' }),
    unit: lengthUnitSchema,
    angle: z.number().meta({ description: 'Chamfer angle in degrees (45 for "C" chamfers).' }),
  })
  .meta({ id: 'ChamferSpec', description: 'A chamfer, e.g. "1×45°", "倒角C0.5".' });

export const fitSpecSchema = z
  .object({
    kind: z.literal('fit'),
    ...specBase,
    value: z.number().meta({ description: 'Nominal size.' }),
    unit: lengthUnitSchema,
    diameter: z.boolean().meta({ description: 'True when marked as a diameter (Ø/Φ/φ).' }),
    hole: z.string().optional().meta({ description: 'Hole tolerance class (upper-case letter), e.g. "H7".' }),
    shaft: z.string().optional().meta({ description: 'Shaft tolerance class (lower-case letter), e.g. "g6".' }),
    tolerance: toleranceSchema.optional().meta({ description: 'Deviations when written after the class, e.g. "(+0.021/0)".' }),
  })
  .meta({ id: 'FitSpec', description: 'An ISO 286 size with tolerance class or fit, e.g. "Ø20h7", "Φ30H7/g6".' });

export const threadSpecSchema = z
  .object({
    kind: z.literal('thread'),
    ...specBase,
    designation: z.string().meta({ description: 'Normalised designation, e.g. "M8×1.25-6H", "G1/2", "1/4-20 UNC".' }),
    system: z
      .enum(['metric', 'metric_trapezoidal', 'unified', 'pipe_parallel', 'pipe_taper', 'npt'])
      .meta({ description: 'Thread system: ISO metric, metric trapezoidal (Tr), Unified inch, ISO 228 parallel pipe (G, Rp), ISO 7 taper pipe (R, Rc), NPT.' }),
    nominalDiameter: z.number().optional().meta({ description: 'Nominal diameter in mm (metric threads).' }),
    size: z.string().optional().meta({ description: 'Inch size as written, e.g. "1/2", "#10" (inch and pipe threads).' }),
    pitch: z.number().optional().meta({ description: 'Pitch in mm; absent for a metric coarse thread written without it.' }),
    threadsPerInch: z.number().optional().meta({ description: 'Threads per inch (inch threads).' }),
    series: z.enum(['UNC', 'UNF', 'UNEF', 'UN']).optional().meta({ description: 'Unified series.' }),
    toleranceClass: z.string().optional().meta({ description: 'Tolerance class, e.g. "6H", "6g", "2A", "A".' }),
    leftHand: z.boolean().meta({ description: 'True for a left-hand thread (LH).' }),
  })
  .meta({ id: 'ThreadSpec', description: 'A screw thread.' });

export const roughnessSpecSchema = z
  .object({
    kind: z.literal('roughness'),
    ...specBase,
    parameter: z.enum(['Ra', 'Rz', 'Rq', 'Rt', 'Ry', 'Rmax']).meta({ description: 'Surface texture parameter.' }),
    value: z.number().meta({ description: 'Value in micrometres.' }),
    unit: z.literal('µm'),
  })
  .meta({ id: 'RoughnessSpec', description: 'Surface roughness, e.g. "Ra 3.2", "Rz12.5".' });

export const geometricCharacteristicSchema = z
  .enum([
    'straightness',
    'flatness',
    'circularity',
    'cylindricity',
    'profile_of_line',
    'profile_of_surface',
    'perpendicularity',
    'parallelism',
    'angularity',
    'position',
    'concentricity',
    'symmetry',
    'circular_runout',
    'total_runout',
  ])
  .meta({ description: 'ISO 1101 / ASME Y14.5 geometric characteristic.' });
export type GeometricCharacteristic = z.infer<typeof geometricCharacteristicSchema>;

export const geometricToleranceSpecSchema = z
  .object({
    kind: z.literal('geometric_tolerance'),
    ...specBase,
    characteristic: geometricCharacteristicSchema,
    value: z.number().meta({ description: 'Tolerance zone size in mm.' }),
    diameterZone: z.boolean().meta({ description: 'True for a cylindrical zone (Ø before the value).' }),
    modifiers: z.array(z.enum(['M', 'L', 'P', 'F', 'E'])).meta({ description: 'Material condition and other modifiers (Ⓜ, Ⓛ, Ⓟ, Ⓕ, Ⓔ).' }),
    datums: z.array(z.string()).meta({ description: 'Datum references in order; a common datum is "A-B".' }),
  })
  .meta({ id: 'GeometricToleranceSpec', description: 'A feature control frame, e.g. "⊥ 0.02 A", "同轴度 Φ0.03 A-B".' });

export const materialCategorySchema = z
  .enum([
    'carbon_steel',
    'structural_steel',
    'alloy_steel',
    'spring_steel',
    'bearing_steel',
    'tool_steel',
    'stainless_steel',
    'cast_steel',
    'cast_iron',
    'ductile_iron',
    'aluminium_alloy',
    'copper_alloy',
    'titanium_alloy',
    'plastic',
  ])
  .meta({ description: 'Material family.' });
export type MaterialCategory = z.infer<typeof materialCategorySchema>;

export const materialSpecSchema = z
  .object({
    kind: z.literal('material'),
    ...specBase,
    designation: z.string().meta({ description: 'Grade as designated, normalised, e.g. "45", "Q235B", "6061-T6", "304".' }),
    category: materialCategorySchema,
    temper: z.string().optional().meta({ description: 'Temper of an aluminium alloy, e.g. "T6".' }),
  })
  .meta({ id: 'MaterialSpec', description: 'A material grade, e.g. "45钢", "Q235", "6061-T6", "HT200"; bare numbers like 304 only after a material label.' });

export const hardnessSpecSchema = z
  .object({
    kind: z.literal('hardness'),
    ...specBase,
    scale: z.enum(['HRC', 'HRB', 'HRA', 'HB', 'HBW', 'HBS', 'HV']).meta({ description: 'Hardness scale.' }),
    value: z.number().optional().meta({ description: 'Nominal value when a single value is given.' }),
    min: z.number().optional().meta({ description: 'Lower limit of a range, or of "≥".' }),
    max: z.number().optional().meta({ description: 'Upper limit of a range, or of "≤".' }),
  })
  .meta({ id: 'HardnessSpec', description: 'A hardness requirement, e.g. "HRC 40~45", "HB220-250", "≥58HRC".' });

export const heatTreatmentSpecSchema = z
  .object({
    kind: z.literal('heat_treatment'),
    ...specBase,
    process: z
      .enum([
        'quench_and_temper',
        'quench',
        'temper',
        'normalize',
        'anneal',
        'stress_relieve',
        'carburize',
        'carburize_and_quench',
        'carbonitride',
        'nitride',
        'induction_harden',
        'flame_harden',
        'surface_harden',
        'case_harden',
        'solution_treat',
        'age',
      ])
      .meta({ description: 'Heat treatment process.' }),
  })
  .meta({ id: 'HeatTreatmentSpec', description: 'A heat treatment, e.g. "调质", "淬火", "QUENCH AND TEMPER".' });

export const standardSpecSchema = z
  .object({
    kind: z.literal('standard'),
    ...specBase,
    designation: z.string().meta({ description: 'Normalised reference, e.g. "GB/T 1804-m", "ISO 2768-mK", "ASME Y14.5-2018".' }),
    body: z.string().meta({ description: 'Issuing body / series, e.g. "GB/T", "ISO", "ASME", "DIN EN".' }),
    number: z.string().meta({ description: 'Document number, e.g. "1804", "Y14.5", "3098.1".' }),
    part: z.number().int().optional().meta({ description: 'Part number (ISO "-1").' }),
    year: z.number().int().optional().meta({ description: 'Edition year.' }),
    class: z.string().optional().meta({ description: 'Class chosen from the standard, e.g. "m", "mK", "K".' }),
  })
  .meta({ id: 'StandardSpec', description: 'A reference to a standard.' });

export const scaleSpecSchema = z
  .object({
    kind: z.literal('scale'),
    ...specBase,
    numerator: z.number().meta({ description: 'Drawing size part, e.g. 1 in "1:2".' }),
    denominator: z.number().meta({ description: 'Real size part, e.g. 2 in "1:2".' }),
    factor: z.number().meta({ description: 'numerator / denominator.' }),
  })
  .meta({ id: 'ScaleSpec', description: 'A drawing scale, e.g. "1:2", "比例 2:1".' });

export const quantitySpecSchema = z
  .object({
    kind: z.literal('quantity'),
    ...specBase,
    value: z.number().meta({ description: 'The number.' }),
    unit: z.string().meta({ description: 'Unit symbol, normalised, e.g. "kg", "MPa", "N·m", "°C", "r/min".' }),
    quantity: z
      .enum(['mass', 'force', 'torque', 'pressure', 'temperature', 'rotational_speed', 'power', 'frequency', 'volume'])
      .meta({ description: 'Physical quantity of the unit.' }),
  })
  .meta({ id: 'QuantitySpec', description: 'A value with a physical unit other than length, e.g. "2.5 kg", "25 N·m", "180℃".' });

export const specificationSchema = z
  .discriminatedUnion('kind', [
    linearDimensionSpecSchema,
    diameterSpecSchema,
    radiusSpecSchema,
    angleSpecSchema,
    chamferSpecSchema,
    fitSpecSchema,
    threadSpecSchema,
    roughnessSpecSchema,
    geometricToleranceSpecSchema,
    materialSpecSchema,
    hardnessSpecSchema,
    heatTreatmentSpecSchema,
    standardSpecSchema,
    scaleSpecSchema,
    quantitySpecSchema,
  ])
  .meta({ id: 'Specification', description: 'One piece of engineering notation, typed by `kind`.' });
export type Specification = z.infer<typeof specificationSchema>;
export type SpecificationKind = Specification['kind'];

// ── annotations ───────────────────────────────────────────────────────────────────────────────

const annotationBase = {
  page: pageNumber,
  box: boundingBoxSchema.optional().meta({ description: 'Where it is; only when the engine gave line boxes.' }),
};

export const noteAnnotationSchema = z
  .object({
    kind: z.literal('note'),
    ...annotationBase,
    section: z.string().meta({ description: 'Heading the note stands under as read, e.g. "技术要求", "NOTES".' }),
    number: z.number().int().nullable().meta({ description: 'Note number; null for an unnumbered note.' }),
    text: z.string().meta({ description: 'Note text without its number; continuation lines joined.' }),
  })
  .meta({ id: 'NoteAnnotation', description: 'A note under a 技术要求 / NOTES heading.' });

export const titleBlockFieldSchema = z
  .enum([
    'drawing_number',
    'part_name',
    'material',
    'scale',
    'weight',
    'revision',
    'quantity',
    'sheet',
    'date',
    'drawn_by',
    'checked_by',
    'approved_by',
  ])
  .meta({ description: 'Title-block field.' });
export type TitleBlockField = z.infer<typeof titleBlockFieldSchema>;

export const titleBlockAnnotationSchema = z
  .object({
    kind: z.literal('title_block'),
    ...annotationBase,
    field: titleBlockFieldSchema,
    label: z.string().meta({ description: 'The label as read, e.g. "图号", "DWG NO."' }),
    value: z.string().meta({ description: 'The value as read.' }),
  })
  .meta({ id: 'TitleBlockAnnotation', description: 'A title-block field: drawing number (图号), material (材料), scale (比例), weight (重量), revision (版本/REV), …' });

export const keyValueAnnotationSchema = z
  .object({
    kind: z.literal('key_value'),
    ...annotationBase,
    key: z.string().meta({ description: 'Text before the colon.' }),
    value: z.string().meta({ description: 'Text after the colon.' }),
  })
  .meta({ id: 'KeyValueAnnotation', description: 'A "key: value" (or "key：value") line that is not a title-block field.' });

export const annotationSchema = z
  .discriminatedUnion('kind', [noteAnnotationSchema, titleBlockAnnotationSchema, keyValueAnnotationSchema])
  .meta({ id: 'Annotation', description: 'A note, title-block field or key–value pair, typed by `kind`.' });
export type Annotation = z.infer<typeof annotationSchema>;

// ── diagrams ──────────────────────────────────────────────────────────────────────────────────

export const diagramSchema = z
  .object({
    page: pageNumber,
    source: z
      .enum(['layout', 'model'])
      .meta({ description: 'layout: found from line boxes (a large region with sparse text); model: described in model text.' }),
    box: boundingBoxSchema.optional().meta({ description: 'Region of the drawing; for layout diagrams.' }),
    description: z.string().optional().meta({ description: 'The model\'s description or caption of the figure.' }),
    labels: z.array(z.string()).meta({ description: 'Text read inside the region (callouts, dimensions), in reading order.' }),
  })
  .meta({ id: 'Diagram', description: 'A region of a page that holds a drawing rather than text.' });
export type Diagram = z.infer<typeof diagramSchema>;

// ── the whole ─────────────────────────────────────────────────────────────────────────────────

export const structuredContentSchema = z
  .object({
    tables: z.array(tableSchema),
    diagrams: z.array(diagramSchema),
    annotations: z.array(annotationSchema),
    specifications: z.array(specificationSchema),
  })
  .meta({ id: 'StructuredContent', description: 'Tables, diagrams, annotations and specifications read from the document.' });
export type StructuredContent = z.infer<typeof structuredContentSchema>;
