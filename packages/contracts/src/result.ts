import { z } from 'zod';
import { structuredContentSchema } from './structured-content.ts';

const quad = z.array(z.tuple([z.number(), z.number()])).length(4);

export const ocrLineSchema = z.object({
  text: z.string(),
  confidence: z.number().min(0).max(1),
  box: quad.meta({ description: 'Corners clockwise from top-left, page pixels' }),
});

export const pageOutcomeSchema = z
  .object({
    page: z.number().int().positive().meta({ description: '1-based page number in the document' }),
    text: z.string(),
    confidence: z.number().min(0).max(1),
    image_size: z.tuple([z.number().int(), z.number().int()]).meta({ description: '[width, height] in pixels, of the page turned upright' }),
    rotation: z
      .union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)])
      .optional()
      .meta({ description: 'Degrees clockwise the page was scanned at (a sideways or upside-down scan); image_size and line boxes are those of the page turned upright' }),
    scale: z
      .number()
      .positive()
      .optional()
      .meta({
        description:
          'Set when the page was scaled down to fit MAX_PIXELS_PER_PAGE (below 1), or when a PDF page whose text is fine print was rendered finer than the default dpi (above 1): image_size over the page’s own size (an image’s pixels, or a PDF page at the requested dpi); divide image_size and line boxes by it for those pixels',
      }),
    image_patches: z.number().int().nonnegative(),
    processing_time: z.number().nonnegative().meta({ description: 'Seconds the engine spent on this page' }),
    lines: z.array(ocrLineSchema).optional(),
  })
  .meta({ id: 'PageResult' });

/** The old service's `POST /ocr/process` body, field for field, plus `pages` and a few new fields. */
export const ocrResultSchema = z
  .object({
    status: z.literal('success'),
    raw_text: z.string().meta({ description: 'All pages, in reading order; pages separated by a blank line' }),
    confidence: z.number().min(0).max(1).meta({ description: 'Character-weighted mean of the pages’ confidences' }),
    metadata: z.object({
      model: z.string(),
      device: z.string(),
      prompt: z.string().nullable(),
      processing_time: z.number().meta({ description: 'Seconds of engine time, all pages' }),
      image_patches: z.number().int().meta({ description: 'Image tiles the engine looked at, all pages' }),
      total_processing_time: z.number().meta({ description: 'Seconds from the worker taking the job to its result' }),
      engine: z.string(),
      worker: z.string(),
      job_id: z.string(),
      queue_time: z.number().meta({ description: 'Seconds the job waited before a worker took it' }),
    }),
    structured_content: structuredContentSchema,
    file_info: z.object({
      filename: z.string(),
      size: z.number().int().meta({ description: 'Bytes' }),
      format: z.string().meta({ description: 'Detected from the content, e.g. PNG, JPEG, PDF' }),
      image_size: z
        .tuple([z.number().int(), z.number().int()])
        .meta({ description: 'First page [width, height] at its own size (before any scaling: see pages[].scale)' }),
      pages: z.number().int().meta({ description: 'Pages processed' }),
      page_count: z.number().int().meta({ description: 'Pages in the file' }),
      page_sizes: z.array(z.tuple([z.number().int(), z.number().int()])),
      extension_mismatch: z.string().optional().meta({ description: 'Set when the extension disagreed with the content' }),
    }),
    pages: z.array(pageOutcomeSchema),
  })
  .meta({ id: 'OcrResult' });

export type OcrResult = z.infer<typeof ocrResultSchema>;
export type PageOutcome = z.infer<typeof pageOutcomeSchema>;
