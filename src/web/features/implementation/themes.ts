/** The plan's themes as a tree (theme → subthemes), and the rule a theme's code follows. */
import type { Theme } from '../../api/types.js';

/** A theme with its subthemes. */
export interface ThemeBranch {
  /** The theme. */
  theme: Theme;
  /** Its subthemes, by code. */
  subthemes: Theme[];
}

/** The themes as a tree, themes and subthemes by code; a subtheme whose theme is missing is a root. */
export function themeTree(themes: readonly Theme[]): ThemeBranch[] {
  const byCode = (a: Theme, b: Theme) => a.code.localeCompare(b.code);
  const codes = new Set(themes.map((t) => t.code));
  const roots = themes.filter((t) => t.parentCode === null || !codes.has(t.parentCode));
  return [...roots].sort(byCode).map((theme) => ({
    theme,
    subthemes: themes.filter((t) => t.parentCode === theme.code && t !== theme).sort(byCode),
  }));
}

/** The domain's rule for a theme's code (define-theme): 1 to 32 letters, digits or . _ - */
export const themeCodePattern = /^[A-Za-z0-9._-]{1,32}$/;
