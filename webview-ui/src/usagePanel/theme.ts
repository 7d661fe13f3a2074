// Chart colours come only from the theme's --vscode-* variables, so the chart is readable in
// light, dark and high-contrast themes. chart.js draws on a canvas and cannot use CSS variables
// itself: they are read with getComputedStyle, and read again whenever the theme changes
// (VS Code swaps the body's theme class and rewrites the variables on <html>).

export interface ChartTheme {
  foreground: string;
  mutedForeground: string;
  gridLines: string;
  background: string;
  fontFamily: string;
  fontSize: number;
  /** Colours for groups in order; "Other" and the cumulative line have their own. */
  palette: string[];
  other: string;
  line: string;
  /** Marks drawn over a chart (a credit lot's expiry). */
  mark: string;
  highContrast: boolean;
}

const PALETTE_VARIABLES = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-charts-yellow',
  '--vscode-charts-red',
];

function cssVariable(style: CSSStyleDeclaration, name: string, fallbackName?: string): string {
  const value = style.getPropertyValue(name).trim();
  if (value || !fallbackName) { return value; }
  return style.getPropertyValue(fallbackName).trim();
}

export function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const foreground = cssVariable(style, '--vscode-foreground', '--vscode-editor-foreground');
  const palette = PALETTE_VARIABLES.map((name) => cssVariable(style, name)).filter((c) => c.length > 0);
  return {
    foreground,
    mutedForeground: cssVariable(style, '--vscode-descriptionForeground', '--vscode-foreground'),
    gridLines: cssVariable(style, '--vscode-charts-lines', '--vscode-widget-border'),
    background: cssVariable(style, '--vscode-editor-background', '--vscode-sideBar-background'),
    fontFamily: cssVariable(style, '--vscode-font-family') || 'sans-serif',
    fontSize: parseFloat(cssVariable(style, '--vscode-font-size')) || 13,
    palette: palette.length > 0 ? palette : [foreground],
    other: cssVariable(style, '--vscode-disabledForeground', '--vscode-descriptionForeground'),
    line: cssVariable(style, '--vscode-charts-foreground', '--vscode-foreground'),
    mark: cssVariable(style, '--vscode-charts-red', '--vscode-errorForeground') || foreground,
    highContrast: document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light'),
  };
}

/** The colour of the i-th named group; past the palette, the colours repeat a little lighter. */
export function groupColour(theme: ChartTheme, index: number): string {
  const base = theme.palette[index % theme.palette.length];
  const round = Math.floor(index / theme.palette.length);
  return round === 0 || theme.highContrast ? base : withAlpha(base, Math.max(0.35, 1 - round * 0.3));
}

export function withAlpha(colour: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour) ?? /^#([0-9a-f]{3})$/i.exec(colour);
  if (!hex) { return colour; }
  const digits = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Calls `onChange` after the theme changes (class on <body>, variables on <html>). */
export function watchTheme(onChange: () => void): void {
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) { return; }
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      onChange();
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
}
