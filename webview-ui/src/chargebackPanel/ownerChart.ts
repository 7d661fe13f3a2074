// One horizontal stacked bar per owner: direct, shared and untagged cost, in the theme's chart
// colours (read again when the theme changes). Only the chart.js parts used are registered.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, TooltipItem } from 'chart.js';
import type { CurrencySection, ReportLabels } from '../../../src/shared/chargebackMessages';
import { groupColour, readTheme } from '../usagePanel/theme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export function drawOwnerChart(canvas: HTMLCanvasElement, section: CurrencySection, labels: ReportLabels, previous?: Chart<'bar'>): Chart<'bar'> {
  previous?.destroy();
  const theme = readTheme();
  const parts: Array<{ label: string; pick: (o: CurrencySection['owners'][number]) => { value: number; text: string } }> = [
    { label: labels.direct, pick: (o) => o.direct },
    { label: labels.shared, pick: (o) => o.shared },
    { label: labels.untagged, pick: (o) => o.untagged },
  ];
  const owners = section.owners;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${labels.chart} (${section.currency}): ${owners.map((o) => `${o.displayName} ${o.total.text}`).join(', ')}`);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: owners.map((o) => o.displayName),
      datasets: parts.map((part, i) => ({
        label: part.label,
        data: owners.map((o) => part.pick(o).value),
        backgroundColor: groupColour(theme, i),
        borderWidth: 0,
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: theme.foreground,
      font: { family: theme.fontFamily, size: theme.fontSize },
      scales: {
        x: { stacked: true, ticks: { color: theme.mutedForeground }, grid: { color: theme.gridLines } },
        y: { stacked: true, ticks: { color: theme.foreground }, grid: { display: false } },
      },
      plugins: {
        // The three parts' names above the bars: the colours mean nothing without them.
        legend: { position: 'top', align: 'start', labels: { color: theme.foreground, boxWidth: 12 } },
        tooltip: {
          callbacks: {
            // The host's formatted amount, not chart.js's number.
            label: (item: TooltipItem<'bar'>) => `${parts[item.datasetIndex].label}: ${parts[item.datasetIndex].pick(owners[item.dataIndex]).text}`,
          },
        },
      },
    },
  });
}
