/* sp-chart-sources.h — the ONE place that turns the model's figures into chart data
 *
 * Every chart path calls these: the Dashboard and Funnel pages (through SpChartView), the
 * PDF report and the CLI's render and report commands (sp-report-builder.c). A chart is
 * built for a period (its kind and an SpMetricsFilter: days, rep, region) of one
 * workspace, with the workspace's currency and fiscal calendar and the day the period has
 * reached; so a figure is the same on screen, on paper and from the command line.
 *
 * The rules decided here once:
 * - KPI tiles: the value of the period, the previous period of the same kind before it,
 *   and a sparkline of the last SP_CHART_N_SPARK periods of that kind (the current one
 *   last), labelled with the periods' names; the win cycle is the one KPI where lower is
 *   better.
 * - Burn-up: the elapsed days are the period's days up to and including today (none before
 *   the period, all after it); the figures (actual, run-rate projection, daily amount still
 *   needed) are the burn-up chart's own (sp_burnup_compute_figures).
 * - Attainment: by region without a rep or region filter, else by rep.
 * - Ranking: every rep of the filter, "name · region" (the name alone without a region).
 * - Heatmap: the fiscal year of the period's first day, to today at most, one column per
 *   month; revenue of reps without a region in the model's "No region" row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-chart-data.h"
#include "sp-model.h"

G_BEGIN_DECLS

typedef enum
{
  SP_CHART_PERIOD_MONTH,
  SP_CHART_PERIOD_QUARTER,
  SP_CHART_PERIOD_YEAR,
} SpChartPeriodKind;

#define SP_CHART_N_KPIS  6
#define SP_CHART_N_SPARK 6

/* What every chart is built from. Nothing is owned. */
typedef struct
{
  SpStore          *store;
  const SpCurrency *currency;
  const SpCalendar *calendar;
  GDate             today;      /* the day the period has reached */
} SpChartSource;

/* The fiscal period of @kind @back periods before the one holding @day. */
void             sp_chart_period_range       (const SpCalendar       *calendar,
                                              SpChartPeriodKind       kind,
                                              const GDate            *day,
                                              guint                   back,
                                              GDate                  *first,
                                              GDate                  *last);
/* "Sep 2026", "Q3 FY2026", "FY2026". */
char            *sp_chart_period_dup_name    (const SpCalendar       *calendar,
                                              SpChartPeriodKind       kind,
                                              const GDate            *day,
                                              guint                   back);

/* The six KPI tiles (SpKpiChart), in SpMetricKind order. */
GPtrArray       *sp_chart_sources_kpis       (const SpChartSource    *source,
                                              SpChartPeriodKind       kind,
                                              const SpMetricsFilter  *filter,
                                              GError                **error);
SpPairChart     *sp_chart_sources_attainment (const SpChartSource    *source,
                                              SpChartPeriodKind       kind,
                                              const SpMetricsFilter  *filter,
                                              GError                **error);
SpBurnupChart   *sp_chart_sources_burnup     (const SpChartSource    *source,
                                              SpChartPeriodKind       kind,
                                              const SpMetricsFilter  *filter,
                                              GError                **error);
SpPairChart     *sp_chart_sources_ranking    (const SpChartSource    *source,
                                              SpChartPeriodKind       kind,
                                              const SpMetricsFilter  *filter,
                                              GError                **error);
SpHeatmapChart  *sp_chart_sources_heatmap    (const SpChartSource    *source,
                                              SpChartPeriodKind       kind,
                                              const SpMetricsFilter  *filter,
                                              GError                **error);
/* The cohort pipeline funnel of @filter drawn in @mode, with its lost line. */
SpFunnelChart   *sp_chart_sources_cohort_funnel (const SpChartSource *source,
                                                 const SpMetricsFilter *filter,
                                                 SpFunnelMode         mode,
                                                 GError             **error);
/* The same from figures already read (the Funnel page reads them once for its tiles). */
SpFunnelChart   *sp_chart_sources_cohort_funnel_from (const SpChartSource   *source,
                                                      const SpMetricsFunnel *funnel,
                                                      SpFunnelMode           mode);
SpFunnelChart   *sp_chart_sources_activity_funnel (const SpChartSource   *source,
                                                   const SpMetricsFilter *filter,
                                                   GError               **error);
SpForecastChart *sp_chart_sources_forecast_from  (const SpChartSource   *source,
                                                  const SpMetricsFunnel *funnel);

G_END_DECLS
