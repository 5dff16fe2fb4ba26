/**
 * A file's name read with a space after the dot before its extension (`PROJ_MF1H_bin. bin` in a
 * flashing tool's window, its UI font wide): after a name with an underscore, hyphen or digit in
 * it, before an extension firmware, data and documents are sent as. A sentence's last word before
 * a stop is a plain word (`the bin. Bin`), and a number's point before a single letter stays (`3. c`).
 */
const SPACED_EXTENSION = /(?<=(?<![\p{L}\p{N}_-])[\p{L}\p{N}]*[_\-\d][\p{L}\p{N}_-]*)\. (?=(?:bin|hex|elf|img|zip|txt|json|csv|pdf|png|jpg|bmp|kfpkg|dfu|uf2|ini|cfg|xml)(?![\p{L}\p{N}]))/gu;

/** Closes up a file name's extension read with a space after its dot (see SPACED_EXTENSION). */
export function joinFileNames(text: string): string {
  return text.includes('. ') ? text.replace(SPACED_EXTENSION, '.') : text;
}
