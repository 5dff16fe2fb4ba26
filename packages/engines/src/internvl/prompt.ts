/** InternVL's image markers (IMG_START_TOKEN, IMG_END_TOKEN, IMG_CONTEXT_TOKEN in its modeling code). */
export const IMG_START = '<img>';
export const IMG_END = '</img>';
export const IMG_CONTEXT = '<IMG_CONTEXT>';

/** The question asked when a request brings none: a faithful transcription of an engineering document. */
export const DEFAULT_QUESTION =
  'Transcribe all text in this engineering document exactly as written, in the language of the document ' +
  '(do not translate). Keep the reading order. Write tables as Markdown tables, keeping every row and column. ' +
  'Copy dimensions, tolerances, units, symbols, part numbers and standards character for character. ' +
  'Output only the transcription, without comments.';

/** A chat template from InternVL's conversation.py, reduced to the single-turn case the engine uses. */
interface ChatTemplate {
  defaultSystemMessage: string;
  render(systemMessage: string, userMessage: string): string;
}

const templates: Record<string, ChatTemplate> = {
  // Conversation(name='internvl2_5', system_template='<|im_start|>system\n{system_message}',
  // roles=('<|im_start|>user\n', '<|im_start|>assistant\n'), sep_style=MPT, sep='<|im_end|>\n')
  internvl2_5: {
    defaultSystemMessage:
      '你是书生·万象，英文名是InternVL，是由上海人工智能实验室、清华大学及多家合作单位联合开发的多模态大语言模型。',
    render: (system, user) =>
      `<|im_start|>system\n${system}<|im_end|>\n<|im_start|>user\n${user}<|im_end|>\n<|im_start|>assistant\n`,
  },
};

export const supportedTemplates = Object.keys(templates);

export interface PromptParts {
  /** Template name from config.json. */
  template: string;
  /** config.json `system_message`; the template's default when absent. */
  systemMessage?: string | undefined;
  question: string;
  /** `<IMG_CONTEXT>` tokens to reserve: tokens per tile × tiles. */
  imageTokens: number;
}

/**
 * The chat prompt InternVL's `chat()` builds for one image and one question: `<image>\n{question}`
 * with `<image>` expanded to `<img>` + `<IMG_CONTEXT>` × imageTokens + `</img>`.
 *
 * @example
 * buildPrompt({ template: 'internvl2_5', question: 'Read the title.', imageTokens: 256 * 7 });
 */
export function buildPrompt(parts: PromptParts): string {
  const template = templates[parts.template];
  if (!template) throw new RangeError(`unsupported chat template ${parts.template} (supported: ${supportedTemplates.join(', ')})`);
  const image = `${IMG_START}${IMG_CONTEXT.repeat(parts.imageTokens)}${IMG_END}`;
  return template.render(parts.systemMessage ?? template.defaultSystemMessage, `${image}\n${parts.question}`);
}
