import type { CSSProperties } from "react";

export interface Theme {
  accent: string;
  on_accent: string;
  accent_text: string;
}

/** Sofalistic's blue, with white text (AA on it) and itself as the link colour (AA on white). */
export const DEFAULT_THEME: Theme = { accent: "#1F4FD9", on_accent: "#FFFFFF", accent_text: "#1F4FD9" };

const HEX = /^#[0-9A-Fa-f]{6}$/;

/** The theme as CSS custom properties; anything but a six-digit hex keeps the default (it lands in a style attribute). */
export function themeStyle(theme: Partial<Theme> | null | undefined): CSSProperties {
  const pick = (value: string | undefined, fallback: string) => (value && HEX.test(value) ? value : fallback);
  return {
    "--accent": pick(theme?.accent, DEFAULT_THEME.accent),
    "--on-accent": pick(theme?.on_accent, DEFAULT_THEME.on_accent),
    "--accent-text": pick(theme?.accent_text, DEFAULT_THEME.accent_text),
  } as CSSProperties;
}
