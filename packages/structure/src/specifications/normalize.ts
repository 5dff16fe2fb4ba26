/**
 * Engine text → one canonical spelling per symbol, so the parsers match one form: full-width
 * ASCII to ASCII, every diameter mark (Ø ø ⌀ Φ φ ϕ) to Ø, dashes to "-", decimal commas to points, LaTeX from VLM output
 * (`\pm`, `^{\circ}`, `^{+0.1}_{-0.05}`) to its plain symbols. `starts[i]`/`ends[i]` are where
 * normalised character i came from in the original, so a match maps back to the text as read.
 */
export interface NormalizedText {
  text: string;
  /** Per normalised character: where its source starts in the original. */
  starts: number[];
  /** Per normalised character: where its source ends in the original. */
  ends: number[];
}

const SINGLE: Record<string, string> = {
  '\u3000': ' ',
  Ø: 'Ø',
  ø: 'Ø',
  '⌀': 'Ø',
  Φ: 'Ø',
  φ: 'Ø',
  ϕ: 'Ø',
  '〜': '~',
  '～': '~',
  '–': '-',
  '—': '-',
  '‒': '-',
  '−': '-',
  '﹣': '-',
  '﹢': '+',
  '′': "'",
  '’': "'",
  '″': '"',
  '“': '"',
  '”': '"',
  '≦': '≤',
  '≧': '≥',
  μ: 'µ',
  '✕': '×',
  '╳': '×',
};

const LATEX: [RegExp, (m: RegExpExecArray) => string][] = [
  [/\^\{\s*([+-]?\s*\d*\.?\d+)\s*\}\s*_\{\s*([+-]?\s*\d*\.?\d+)\s*\}/y, (m) => ` ${m[1]}/${m[2]}`],
  [/_\{\s*([+-]?\s*\d*\.?\d+)\s*\}\s*\^\{\s*([+-]?\s*\d*\.?\d+)\s*\}/y, (m) => ` ${m[2]}/${m[1]}`],
  [/\^\s*\{?\s*\\circ\s*\}?/y, () => '°'],
  [/\\(?:circ|degree)(?![A-Za-z])/y, () => '°'],
  [/\\(?:pm)(?![A-Za-z])/y, () => '±'],
  [/\\(?:phi|varphi|Phi|varnothing|emptyset|diameter|O)(?![A-Za-z])/y, () => 'Ø'],
  [/\\times(?![A-Za-z])/y, () => '×'],
  [/\\sim(?![A-Za-z])/y, () => '~'],
  [/\\(?:leq|le)(?![A-Za-z])/y, () => '≤'],
  [/\\(?:geq|ge)(?![A-Za-z])/y, () => '≥'],
  [/\\(?:mathrm|text|mathit|rm)\s*\{([^{}]*)\}/y, (m) => m[1] ?? ''],
  [/\\[,;: ]/y, () => ' '],
  [/\$/y, () => ''],
  // HTML tags from a model's tables are layout, not notation: "<td>材料</td><td>304</td>".
  [/<\/?[A-Za-z][^<>]*>/y, () => ' '],
];

/**
 * A decimal comma, as European drawings write numbers (`Ø21,5±0,1`, `Ra 6,3`): one or two
 * digits after it, or any after a lone 0 (`0,125`). Three after a larger number are thousands
 * (`1,000`), and a run of numbers (`1,2,3`) is a list.
 */
const DECIMAL_COMMA = /(?<=(?<![\d.,])\d+),(?=\d{1,2}(?![\d,]))|(?<=(?<![\d.,])0),(?=\d+(?![\d,]))/g;

export function normalize(original: string): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  outer: while (i < original.length) {
    if ('\\^_$<'.includes(original[i] ?? ' ')) {
      for (const [pattern, replace] of LATEX) {
        pattern.lastIndex = i;
        const m = pattern.exec(original);
        if (m) {
          const out = replace(m);
          text += out;
          for (let k = 0; k < out.length; k++) {
            starts.push(i);
            ends.push(i + m[0].length);
          }
          i += m[0].length;
          continue outer;
        }
      }
    }
    const ch = original[i] ?? '';
    const code = ch.charCodeAt(0);
    let out = SINGLE[ch] ?? ch;
    if (code >= 0xff01 && code <= 0xff5e) out = String.fromCharCode(code - 0xfee0);
    text += out;
    starts.push(i);
    ends.push(i + 1);
    i++;
  }
  // One character for one: the map back to the original holds.
  return { text: text.replace(DECIMAL_COMMA, '.'), starts, ends };
}
