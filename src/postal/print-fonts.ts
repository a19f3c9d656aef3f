import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { fromRoot } from '../common/project-root';

/**
 * Atkinson Hyperlegible (Braille Institute, SIL Open Font License 1.1, shipped as TTF in
 * @expo-google-fonts/atkinson-hyperlegible): a sans-serif drawn for readers with low vision, whose
 * I, l and 1 and O and 0 cannot be mistaken for each other, which matters for readers of 80 and
 * for typing the letter's code. It covers Western European Latin only, so a name or address with a
 * character it lacks is set in DejaVu Sans (Bitstream Vera licence, dejavu-fonts-ttf), which covers
 * most scripts. Both are embedded (subset) in every PDF.
 */
export interface PrintFonts {
  regular: Buffer;
  bold: Buffer;
  fallbackRegular: Buffer;
  fallbackBold: Buffer;
  /** Whether the main font has a glyph for every character of `text`. */
  covers(text: string): boolean;
}

let loaded: PrintFonts | undefined;

/** The font files, by the names the renderer registers them under. */
export function printFontFiles(): Record<'body' | 'bold' | 'fallback' | 'fallbackBold', string> {
  return {
    body: fromRoot('node_modules', '@expo-google-fonts', 'atkinson-hyperlegible', '400Regular', 'AtkinsonHyperlegible_400Regular.ttf'),
    bold: fromRoot('node_modules', '@expo-google-fonts', 'atkinson-hyperlegible', '700Bold', 'AtkinsonHyperlegible_700Bold.ttf'),
    fallback: fromRoot('node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf'),
    fallbackBold: fromRoot('node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans-Bold.ttf'),
  };
}

export function printFonts(): PrintFonts {
  if (loaded) return loaded;
  const files = printFontFiles();
  const regular = readFileSync(files.body);
  const bold = readFileSync(files.bold);
  const font = fontkit.create(regular) as fontkit.Font;
  const seen = new Map<number, boolean>();
  const has = (cp: number): boolean => {
    let v = seen.get(cp);
    if (v === undefined) seen.set(cp, (v = cp <= 0x20 || font.hasGlyphForCodePoint(cp)));
    return v;
  };
  loaded = {
    regular,
    bold,
    fallbackRegular: readFileSync(files.fallback),
    fallbackBold: readFileSync(files.fallbackBold),
    covers(text: string): boolean {
      for (const ch of text) if (!has(ch.codePointAt(0)!)) return false;
      return true;
    },
  };
  return loaded;
}
