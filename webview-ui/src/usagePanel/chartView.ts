// The chart: stacked bars per group with a cumulative line on a second axis (cost views), or
// plain bars of one meter's quantity (usage view). Only the chart.js parts used are registered,
// which keeps the bundle small; the legend is HTML (see legend.ts), not drawn on the canvas.

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  ChartDataset,
  LinearScale,
  LineController,
  LineElement,
  Plugin,
  PointElement,
  Tooltip,
  TooltipItem,
} from 'chart.js';
import { ChartTheme } from './theme';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

export interface BarSeries {
  key: string;
  label: string;
  /** Values in display units (amounts or quantities). */
  data: number[];
  colour: string;
  hidden: boolean;
}

export interface ChartSpec {
  labels: string[];
  bars: BarSeries[];
  /** Drawn as a line on the right axis. */
  line?: { label: string; data: number[] };
  yTitle: string;
  y2Title?: string;
  stacked: boolean;
  format: (value: number) => string;
  ariaLabel: string;
}

/** Paints the theme background under the chart, so an exported PNG is not transparent. */
const backgroundPlugin: Plugin<'bar' | 'line'> = {
  id: 'themeBackground',
  beforeDraw(chart, _args, options: { colour?: string }) {
    if (!options.colour) { return; }
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = options.colour;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export class ChartView {
  private chart: Chart | undefined;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  render(spec: ChartSpec, theme: ChartTheme): void {
    this.canvas.setAttribute('aria-label', spec.ariaLabel);
    const datasets: ChartDataset<'bar' | 'line', number[]>[] = spec.bars.map((bar) => ({
      type: 'bar' as const,
      label: bar.label,
      data: bar.data,
      backgroundColor: bar.colour,
      borderColor: theme.highContrast ? theme.foreground : bar.colour,
      borderWidth: theme.highContrast ? 1 : 0,
      hidden: bar.hidden,
      stack: spec.stacked ? 'cost' : undefined,
      yAxisID: 'y',
      order: 2,
    }));
    if (spec.line) {
      datasets.push({
        type: 'line' as const,
        label: spec.line.label,
        data: spec.line.data,
        borderColor: theme.line,
        backgroundColor: theme.line,
        borderWidth: 2,
        pointRadius: spec.labels.length > 60 ? 0 : 2,
        yAxisID: 'y2',
        order: 1,
      });
    }
    const font = { family: theme.fontFamily, size: theme.fontSize };
    const scaleText = { color: theme.foreground, font };
    const options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false as const,
      interaction: { mode: 'index' as const, intersect: false },
      scales: {
        x: { stacked: spec.stacked, ticks: scaleText, grid: { color: theme.gridLines } },
        y: {
          stacked: spec.stacked,
          beginAtZero: true,
          ticks: { ...scaleText, callback: (v: number | string) => spec.format(Number(v)) },
          grid: { color: theme.gridLines },
          title: { display: true, text: spec.yTitle, ...scaleText },
        },
        y2: {
          display: spec.line !== undefined,
          position: 'right' as const,
          beginAtZero: true,
          ticks: { ...scaleText, callback: (v: number | string) => spec.format(Number(v)) },
          grid: { drawOnChartArea: false },
          title: { display: spec.y2Title !== undefined, text: spec.y2Title ?? '', ...scaleText },
        },
      },
      plugins: {
        legend: { display: false },
        themeBackground: { colour: theme.background },
        tooltip: {
          backgroundColor: theme.background,
          titleColor: theme.foreground,
          bodyColor: theme.foreground,
          borderColor: theme.gridLines || theme.foreground,
          borderWidth: 1,
          titleFont: font,
          bodyFont: font,
          callbacks: {
            label: (item: TooltipItem<'bar' | 'line'>) => `${item.dataset.label}: ${spec.format(item.parsed.y ?? 0)}`,
          },
        },
      },
    };
    if (this.chart) {
      this.chart.data = { labels: spec.labels, datasets };
      this.chart.options = options;
      this.chart.update();
    } else {
      this.chart = new Chart(this.canvas, {
        type: 'bar',
        data: { labels: spec.labels, datasets },
        options,
        plugins: [backgroundPlugin],
      });
    }
  }

  setHidden(index: number, hidden: boolean): void {
    if (!this.chart) { return; }
    this.chart.setDatasetVisibility(index, !hidden);
    this.chart.update();
  }

  toPng(): string | undefined {
    return this.chart?.toBase64Image('image/png', 1);
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
}
