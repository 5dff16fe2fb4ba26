import { GlobalFonts } from '@napi-rs/canvas';

// Families that carry Chinese glyphs: Noto/Source Han CJK, WenQuanYi, AR PL (Ming/Kai), Droid fallback.
const CJK_FAMILY = /CJK|WenQuanYi|AR PL|Droid Sans Fallback/i;
const SERIF_STYLE = /Serif|Ming|Song/i;
// Simplified Chinese first: the documents are mostly Chinese engineering drawings.
const REGIONS = ['SC', 'CN', 'JP', 'TC', 'HK', 'KR'];
let configured = false;

function pickCjkFamily(families: string[], serif: boolean): string | undefined {
  const regionRank = (family: string): number => {
    const rank = REGIONS.findIndex((region) => family.endsWith(` ${region}`));
    return rank === -1 ? REGIONS.length : rank;
  };
  const styleRank = (family: string): number => (SERIF_STYLE.test(family) === serif ? 0 : 1);
  return families
    .filter((family) => CJK_FAMILY.test(family))
    .sort((a, b) => styleRank(a) - styleRank(b) || regionRank(a) - regionRank(b))[0];
}

/**
 * pdfjs draws the text of non-embedded fonts (e.g. STSong-Light) with canvas fillText in the
 * generic family "serif" or "sans-serif". Those usually resolve to a Latin-only system font,
 * and Chinese comes out as empty boxes. Pointing the generics at an installed CJK family
 * (fonts-noto-cjk; it has Latin glyphs too) makes it render. Without a CJK font nothing changes.
 */
export function useCjkFontsForGenericFamilies(): void {
  if (configured) return;
  configured = true;
  const families = GlobalFonts.families.map((f) => f.family);
  const serif = pickCjkFamily(families, true);
  const sans = pickCjkFamily(families, false);
  if (serif) GlobalFonts.setAlias(serif, 'serif');
  if (sans) GlobalFonts.setAlias(sans, 'sans-serif');
}
