/**
 * The member center's design tokens, for code that cannot use the CSS variables of
 * `tokens.css` (canvas drawing, inline styles computed from data). Keep both files in step.
 * Sizes are in design px of a 750-wide screen (Taro turns them into rpx / rem); on a canvas,
 * halve them for CSS px on a 375-wide phone.
 */
import type { TierId } from '@shared/content/ids';

export const colors = {
  bg: '#F6F4F0',
  surface: '#FFFFFF',
  surfaceMuted: '#FAF8F5',
  text: '#1F1D1A',
  text2: '#6B665E',
  text3: '#A39E95',
  line: '#ECE8E1',
  primary: '#1F6F5C',
  primaryDeep: '#164F42',
  primarySoft: '#E3F0EB',
  accent: '#E8912D',
  accentSoft: '#FDF1E2',
  success: '#2E9E6B',
  successSoft: '#E4F4EC',
  warning: '#B86E12',
  warningSoft: '#FFF4E0',
  danger: '#D14343',
  dangerSoft: '#FCE9E9',
  locked: '#C9C5BE',
} as const;

/** Tier colours when the tier document gives none (the demo content uses the same ones). */
export const tierColors: Record<TierId, string> = {
  basic: '#8A9BA8',
  advanced: '#3A7BD5',
  core: '#C8A063',
};

/** Soft backgrounds matching the tier colours (chips, tab indicators). */
export const tierSoftColors: Record<TierId, string> = {
  basic: '#EEF1F3',
  advanced: '#E6EFFB',
  core: '#F8F0E3',
};

/** A campaign's phase colours (tokens.css `--mc-phase-*`), as gradient ends for canvas drawing. */
export const phaseColors = {
  preheat: { from: '#5B4FC4', to: '#8E6FD8' },
  live: { from: '#E0542E', to: '#F0A13A' },
  recap: { from: '#1F6F5C', to: '#3F9C83' },
} as const;

export const space = { xs: 8, sm: 16, md: 24, lg: 32, xl: 48 } as const;
export const radius = { sm: 12, md: 20, lg: 28, pill: 999 } as const;
export const fontSize = { xs: 22, sm: 24, md: 28, lg: 32, xl: 40, xxl: 56 } as const;

export function tierColor(tier: TierId, fromContent?: string): string {
  return fromContent && /^#[0-9A-Fa-f]{6}$/.test(fromContent) ? fromContent : tierColors[tier];
}

/** Darker tier colours for text on the soft tier backgrounds (dark text on light). */
export const tierInkColors: Record<TierId, string> = {
  basic: '#4F6170',
  advanced: '#2A62B0',
  core: '#8A6424',
};

export const rarityColors = {
  common: '#7F8F9C',
  rare: '#3A7BD5',
  epic: '#8E5BD6',
  legendary: '#D49A1A',
} as const;
