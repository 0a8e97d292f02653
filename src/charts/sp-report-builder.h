/* sp-report-builder.h — the meeting report of one fiscal year, from the workspace
 *
 * One piece of code for the CLI's report and render commands and the app's Export Report:
 * it draws the charts of sp-chart-sources (the pages' data) and builds an SpReport.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sp-breakdown.h"
#include "sp-chart-sources.h"
#include "sp-chart-style.h"
#include "sp-model.h"
#include "sp-report.h"

G_BEGIN_DECLS

typedef enum
{
  SP_REPORT_CHART_FUNNEL,
  SP_REPORT_CHART_ATTAINMENT,
  SP_REPORT_CHART_BURNUP,
  SP_REPORT_CHART_RANKING,
  SP_REPORT_CHART_HEATMAP,
  SP_REPORT_CHART_KPIS,
} SpReportChartKind;

#define SP_REPORT_N_CHARTS 6

/* What the charts are drawn from: one fiscal year of a workspace. */
typedef struct _SpReportSource SpReportSource;

/* @today: the day the burn-up has reached (NULL: today). @year 0: the fiscal year of @today. */
SpReportSource *sp_report_source_new        (SpStore           *store,
                                             int                year,
                                             const GDate       *today);
/* The charts of @period (@filter: its days, rep and region) rather than a fiscal year; the
 * report's year is the fiscal year of the period's first day. */
SpReportSource *sp_report_source_new_for_period (SpStore               *store,
                                                 SpChartPeriodKind      period,
                                                 const SpMetricsFilter *filter,
                                                 const GDate           *today);
SpReportSource *sp_report_source_ref        (SpReportSource    *source);
void            sp_report_source_unref      (SpReportSource    *source);
int             sp_report_source_get_year   (SpReportSource    *source);

/* "funnel", "attainment", "burnup", "ranking", "heatmap", "kpis". */
gboolean        sp_report_chart_kind_from_string (const char        *text,
                                                  SpReportChartKind *out);
/* The chart's translated title for the year, "Sales funnel, fiscal year 2026". */
char           *sp_report_chart_get_title   (SpReportChartKind  kind,
                                             int                year);
/* Chart @kind's data from sp-chart-sources, what sp_report_source_draw_chart() draws: an
 * SpFunnelChart, SpPairChart (attainment, ranking), SpBurnupChart, SpHeatmapChart, or a
 * GPtrArray of SpKpiChart for the KPIs; free it with *@destroy. */
gpointer        sp_report_source_build_chart (SpReportSource    *source,
                                              SpReportChartKind  kind,
                                              GDestroyNotify    *destroy,
                                              GError           **error);
/* Draws chart @kind in (0, 0, @width, @height); @title may be NULL (none). */
gboolean        sp_report_source_draw_chart (SpReportSource     *source,
                                             SpReportChartKind   kind,
                                             const char         *title,
                                             cairo_t            *cr,
                                             const SpChartStyle *style,
                                             double              width,
                                             double              height,
                                             GError            **error);

/* The meeting report: plan figures, the region × @period targets table (or a note that the
 * plan is not broken down), and the six charts. */
SpReport       *sp_report_build             (SpReportSource     *source,
                                             SpBreakdownPeriod   period,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpReportSource, sp_report_source_unref)

G_END_DECLS
