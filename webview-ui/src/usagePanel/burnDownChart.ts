// The Credits view's chart: the credit balance over time on a day axis — the ledger's balance as a
// solid stepped line, the projection dashed — and a dashed vertical mark on each lot's last day,
// labelled with the lot. Where the marks were drawn is written on the canvas (`data-marks`, in
// canvas pixels), so a test can look for them on the canvas itself.

import { Chart, ChartDataset, Filler, LinearScale, LineController, LineElement, Plugin, PointElement, Tooltip, TooltipItem } from 'chart.js';
import type { ChartTheme } from './theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Filler);

const DAY_MS = 86_400_000;

export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface BurnDownSpec {
  /** Amounts in display units, by day number. */
  actual: Array<{ x: number; y: number }>;
  projected: Array<{ x: number; y: number }>;
  marks: Array<{ x: number; label: string }>;
  /** The days shown: from the ledger's first to the projection's or the last expiry's, whichever is later. */
  span: { min: number; max: number };
  labels: { actual: string; projected: string; expiry: string };
  formatMoney: (value: number) => string;
  formatDay: (day: number) => string;
  ariaLabel: string;
}

interface MarkOptions {
  marks?: BurnDownSpec['marks'];
  colour?: string;
  font?: string;
  background?: string;
}

/** Paints the theme background (an exported PNG is not transparent) and the expiry marks. */
const marksPlugin: Plugin<'line'> = {
  id: 'expiryMarks',
  beforeDraw(chart, _args, options: MarkOptions) {
    if (!options.background) { return; }
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = options.background;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
  afterDatasetsDraw(chart, _args, options: MarkOptions) {
    const { ctx, chartArea, scales } = chart;
    const drawn: Array<{ x: number; top: number; bottom: number; label: string }> = [];
    const ratio = chart.currentDevicePixelRatio;
    ctx.save();
    ctx.strokeStyle = options.colour ?? 'red';
    ctx.fillStyle = options.colour ?? 'red';
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    if (options.font) { ctx.font = options.font; }
    ctx.textBaseline = 'top';
    (options.marks ?? []).forEach((mark, i) => {
      const x = Math.round(scales.x.getPixelForValue(mark.x));
      if (x < chartArea.left || x > chartArea.right) { return; }
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      // Labels step down so that marks close together stay readable.
      const y = chartArea.top + 2 + (i % 3) * 14;
      const text = mark.label;
      const w = ctx.measureText(text).width;
      ctx.fillText(text, x + 4 + w > chartArea.right ? x - 4 - w : x + 4, y);
      drawn.push({ x: Math.round(x * ratio), top: Math.round(chartArea.top * ratio), bottom: Math.round(chartArea.bottom * ratio), label: mark.label });
    });
    ctx.restore();
    chart.canvas.setAttribute('data-marks', JSON.stringify(drawn));
  },
};

export class BurnDownChart {
  private chart: Chart<'line', Array<{ x: number; y: number }>> | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  render(spec: BurnDownSpec, theme: ChartTheme): void {
    this.canvas.setAttribute('aria-label', spec.ariaLabel);
    const actualColour = theme.palette[0];
    const projectedColour = theme.palette[1] ?? theme.line;
    const datasets: ChartDataset<'line', Array<{ x: number; y: number }>>[] = [
      { label: spec.labels.actual, data: spec.actual, borderColor: actualColour, backgroundColor: actualColour, borderWidth: 2, pointRadius: 0, stepped: 'before' },
      { label: spec.labels.projected, data: spec.projected, borderColor: projectedColour, backgroundColor: projectedColour, borderWidth: 2, borderDash: [8, 4], pointRadius: 0 },
    ];
    const font = { family: theme.fontFamily, size: theme.fontSize };
    const scaleText = { color: theme.foreground, font };
    const options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false as const,
      parsing: false as const,
      interaction: { mode: 'nearest' as const, axis: 'x' as const, intersect: false },
      scales: {
        x: { type: 'linear' as const, min: spec.span.min, max: spec.span.max, ticks: { ...scaleText, maxTicksLimit: 10, includeBounds: false, callback: (v: number | string) => spec.formatDay(Number(v)) }, grid: { color: theme.gridLines } },
        y: { beginAtZero: true, ticks: { ...scaleText, callback: (v: number | string) => spec.formatMoney(Number(v)) }, grid: { color: theme.gridLines } },
      },
      plugins: {
        legend: { display: false },
        expiryMarks: { marks: spec.marks, colour: theme.mark, font: `${theme.fontSize}px ${theme.fontFamily}`, background: theme.background },
        tooltip: {
          backgroundColor: theme.background,
          titleColor: theme.foreground,
          bodyColor: theme.foreground,
          borderColor: theme.gridLines || theme.foreground,
          borderWidth: 1,
          titleFont: font,
          bodyFont: font,
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => (items[0] ? spec.formatDay(items[0].parsed.x ?? 0) : ''),
            label: (item: TooltipItem<'line'>) => `${item.dataset.label}: ${spec.formatMoney(item.parsed.y ?? 0)}`,
          },
        },
      },
    };
    if (this.chart) {
      this.chart.data = { datasets };
      this.chart.options = options;
      this.chart.update();
    } else {
      this.chart = new Chart<'line', Array<{ x: number; y: number }>>(this.canvas, { type: 'line', data: { datasets }, options, plugins: [marksPlugin] });
    }
  }

  toPng(): string | undefined {
    return this.chart?.toBase64Image('image/png', 1);
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
}
