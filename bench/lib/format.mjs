// Number formats shared by the tables and the chart.
export function ms(value) {
  if (value >= 100) return `${Math.round(value).toLocaleString('en')} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(3)} ms`;
}

// Decimal units, so that the chart's powers of ten read as round numbers.
export function bytes(value) {
  if (value >= 1e6) return `${Number((value / 1e6).toFixed(1))} MB`;
  if (value >= 1e3) return `${Math.round(value / 1e3)} kB`;
  return `${value} B`;
}

export const score = (value) => (Number.isNaN(value) ? '–' : value.toFixed(3));
export const percent = (value) => (Number.isNaN(value) ? '–' : `${(value * 100).toFixed(1)}%`);
export const count = (value) => value.toLocaleString('en');

export function duration(value) {
  const seconds = Math.round(value / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
