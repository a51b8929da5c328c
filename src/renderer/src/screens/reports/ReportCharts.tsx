/**
 * The report's charts, drawn with recharts: net sales over the period's days, the tender mix, the
 * top products, and orders by hour of day × weekday as a heat map. Colours are the theme's (CSS
 * variables), so they read in the light and the dark theme; amounts on axes and tooltips are the
 * store's currency in its locale. Every chart has a text alternative.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { type ReportOutput } from '../../../../shared/api/reports';
import { assetScale, formatMoney } from '../../../../shared/money';
import { useDisplayLocale } from '../../ui';
import { chartNumber } from './reportModel';
import { tenderName } from './tenderName';

const series = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
  'var(--chart-5)',
  'var(--chart-6)',
  'var(--chart-7)',
  'var(--chart-8)',
];
const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const axis = { stroke: 'var(--color-text-muted)', fontSize: 12 };
const tooltipStyle = {
  contentStyle: {
    background: 'var(--color-surface-raised)',
    border: '1px solid var(--color-border)',
    color: 'var(--color-text)',
    borderRadius: 8,
  },
  itemStyle: { color: 'var(--color-text)' },
  labelStyle: { color: 'var(--color-text)' },
};

function scaleOf(currency: string): number {
  try {
    return assetScale(currency);
  } catch {
    return 2;
  }
}

function ChartCard({
  title,
  summary,
  children,
}: {
  title: string;
  summary: string;
  children: React.ReactNode;
}) {
  return (
    <figure className="reports-chart" data-chart={title}>
      <figcaption className="reports-chart__title">{title}</figcaption>
      <div className="reports-chart__body" role="img" aria-label={summary}>
        {children}
      </div>
    </figure>
  );
}

export function ReportCharts({ report }: { report: ReportOutput }) {
  const locale = useDisplayLocale();
  const { currency } = report;
  const scale = scaleOf(currency);
  const money = (units: number) => formatMoney(BigInt(Math.round(units * 10 ** scale)), currency, locale);
  const shortMoney = (units: number) =>
    new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(units);
  const table = (id: string) => report.tables.find((t) => t.id === id);
  const days = (table('by_day')?.rows ?? []).map((r) => ({
    day: String(r.day),
    net: chartNumber(r.net, scale),
    orders: Number(r.orders ?? 0),
  }));
  const tenders = (table('by_tender')?.rows ?? [])
    .map((r) => ({
      name: tenderName(String(r.tender), String(r.detail ?? '')),
      net: chartNumber(r.net, scale),
    }))
    .filter((t) => t.net > 0);
  const products = (table('by_product')?.rows ?? [])
    .slice(0, 10)
    .map((r) => ({ name: String(r.product), net: chartNumber(r.net, scale) }));
  const maxOrders = Math.max(1, ...report.heatmap.map((c) => c.orders));
  const heat = report.heatmap.map((c) => ({ hour: c.hour, weekday: c.weekday, orders: c.orders }));
  const busiest = [...report.heatmap].sort((a, b) => b.orders - a.orders)[0];

  return (
    <div className="reports-charts">
      <ChartCard
        title="Sales over time"
        summary={`Net sales by day, ${days.length} days; the best day ${days.length ? money(Math.max(...days.map((d) => d.net))) : 'none'}.`}
      >
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--color-border)" vertical={false} />
            <XAxis dataKey="day" tick={axis} tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
            <YAxis tick={axis} tickFormatter={shortMoney} width={48} />
            <Tooltip
              {...tooltipStyle}
              cursor={{ fill: 'var(--color-surface-hover)' }}
              formatter={(v) => [money(Number(v)), 'Net sales']}
            />
            <Bar
              dataKey="net"
              name="Net sales"
              fill="var(--chart-1)"
              radius={[4, 4, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title="Tender mix"
        summary={tenders.map((t) => `${t.name} ${money(t.net)}`).join(', ') || 'No payments.'}
      >
        <ResponsiveContainer width="100%" height={240}>
          <PieChart>
            <Pie
              data={tenders}
              dataKey="net"
              nameKey="name"
              innerRadius="45%"
              outerRadius="80%"
              isAnimationActive={false}
              stroke="var(--color-surface)"
            >
              {tenders.map((t, i) => (
                <Cell key={t.name} fill={series[i % series.length]} />
              ))}
            </Pie>
            <Tooltip {...tooltipStyle} formatter={(v, name) => [money(Number(v)), String(name)]} />
            <Legend wrapperStyle={{ color: 'var(--color-text)', fontSize: 13 }} />
          </PieChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title="Top products"
        summary={products.map((p) => `${p.name} ${money(p.net)}`).join(', ') || 'No sales.'}
      >
        <ResponsiveContainer width="100%" height={Math.max(160, products.length * 28 + 24)}>
          <BarChart data={products} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--color-border)" horizontal={false} />
            <XAxis type="number" tick={axis} tickFormatter={shortMoney} />
            <YAxis type="category" dataKey="name" tick={axis} width={120} />
            <Tooltip
              {...tooltipStyle}
              cursor={{ fill: 'var(--color-surface-hover)' }}
              formatter={(v) => [money(Number(v)), 'Net sales']}
            />
            <Bar
              dataKey="net"
              name="Net sales"
              fill="var(--chart-2)"
              radius={[0, 4, 4, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title="Busy hours"
        summary={
          busiest
            ? `Orders by hour and weekday; busiest ${weekdays[busiest.weekday]} ${busiest.hour}:00 with ${busiest.orders} orders.`
            : 'No orders.'
        }
      >
        <ResponsiveContainer width="100%" height={240}>
          <ScatterChart margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <XAxis
              type="number"
              dataKey="hour"
              domain={[-0.5, 23.5]}
              ticks={[0, 3, 6, 9, 12, 15, 18, 21]}
              tick={axis}
              name="Hour"
            />
            <YAxis
              type="number"
              dataKey="weekday"
              domain={[-0.5, 6.5]}
              ticks={[0, 1, 2, 3, 4, 5, 6]}
              reversed
              tick={axis}
              tickFormatter={(w: number) => weekdays[w] ?? ''}
              width={40}
              name="Weekday"
            />
            <ZAxis type="number" dataKey="orders" range={[0, 0]} name="Orders" />
            <Tooltip
              {...tooltipStyle}
              formatter={(v, name) =>
                name === 'Weekday' ? [weekdays[Number(v)] ?? '', 'Weekday'] : [String(v), String(name)]
              }
            />
            <Scatter
              data={heat}
              isAnimationActive={false}
              shape={(props: { cx?: number; cy?: number; payload?: { orders: number } }) => (
                <rect
                  x={(props.cx ?? 0) - 9}
                  y={(props.cy ?? 0) - 11}
                  width={18}
                  height={22}
                  rx={3}
                  fill="var(--chart-1)"
                  fillOpacity={0.15 + 0.85 * ((props.payload?.orders ?? 0) / maxOrders)}
                />
              )}
            />
          </ScatterChart>
        </ResponsiveContainer>
      </ChartCard>
    </div>
  );
}
