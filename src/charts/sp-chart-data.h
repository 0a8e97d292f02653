/* sp-chart-data.h — the charts' owned data: what sp-chart-sources builds from the model and
 * every chart path (the app's widgets, the PDF report, the CLI) draws
 *
 * Each type turns into the borrowed SpXxxData its chart's layout and draw functions take
 * (sp_xxx_chart_get_data); the caller frees what that returns, never the strings in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sp-attainment-chart.h"
#include "sp-burnup-chart.h"
#include "sp-funnel-chart.h"
#include "sp-heatmap-chart.h"
#include "sp-kpi-tile.h"
#include "sp-money.h"
#include "sp-ranking-chart.h"

G_BEGIN_DECLS

typedef enum
{
  SP_CHART_VALUE_COUNT,
  SP_CHART_VALUE_MONEY,   /* minor units */
  SP_CHART_VALUE_RATIO,   /* 0.42 for 42% */
  SP_CHART_VALUE_DAYS,
} SpChartValueKind;

/* One KPI tile. Strings are owned; NAN for an undefined value. */
typedef struct
{
  char             *name;
  char             *definition;
  char             *undefined_reason;
  SpChartValueKind  value_kind;
  double            value;
  double            previous;
  gboolean          lower_is_better;
  GArray           *points;         /* double, oldest first; the last is @value */
  GPtrArray        *point_labels;   /* char *, one per point */
  SpCurrency        currency;
} SpKpiChart;

typedef struct
{
  char   *label;
  gint64  count;         /* the band in count mode */
  gint64  amount;        /* the band in amount mode */
  gint64  open_count;    /* open at the period's end (won: won in it); -1: not shown */
  gint64  weighted;      /* 0: not shown */
  double  conversion;    /* to the next stage; NAN when unknown */
  double  mean_days;     /* NAN when unknown */
} SpFunnelChartStage;

typedef struct
{
  char         *title;
  SpFunnelMode  mode;
  gboolean      activity;      /* an activity funnel: counts only, no days */
  GArray       *stages;        /* SpFunnelChartStage */
  SpCurrency    currency;
  /* The cohort funnel: the opportunities created in the period, and those of them lost by
   * its end (shown aside in @note, "Lost 2 (¥270.00)"; NULL when none was lost). */
  gint64        cohort_size;
  gint64        lost;
  gint64        lost_amount;
  char         *note;
} SpFunnelChart;

typedef struct
{
  char   *label;
  gint64  target;
  gint64  actual;
} SpChartPair;

/* Attainment (target vs actual) and ranking (actual with target) share their data. */
typedef struct
{
  char       *title;
  GArray     *items;   /* SpChartPair */
  SpCurrency  currency;
} SpPairChart;

typedef struct
{
  char       *title;
  gint64      target;
  guint       total_days;
  guint       elapsed_days;   /* days done: the length of @daily */
  GArray     *daily;          /* gint64, one per elapsed day */
  GDate       start;          /* the first day */
  SpCurrency  currency;
} SpBurnupChart;

typedef struct
{
  char       *title;
  GPtrArray  *rows;      /* char * */
  GPtrArray  *columns;   /* char * */
  GArray     *values;    /* double, rows × columns; NAN for no value */
  SpCurrency  currency;
} SpHeatmapChart;

/* The weighted forecast: one row per expected-close month, the no-date row first. */
typedef struct
{
  char   *label;
  gint64  count;
  gint64  amount;
  gint64  weighted;
} SpForecastRow;

typedef struct
{
  char       *title;
  GArray     *rows;   /* SpForecastRow */
  SpCurrency  currency;
} SpForecastChart;

SpKpiChart      *sp_kpi_chart_new        (const SpCurrency      *currency);
void             sp_kpi_chart_free       (SpKpiChart            *chart);
SpFunnelChart   *sp_funnel_chart_new     (const SpCurrency      *currency);
void             sp_funnel_chart_free    (SpFunnelChart         *chart);
SpPairChart     *sp_pair_chart_new       (const SpCurrency      *currency);
void             sp_pair_chart_free      (SpPairChart           *chart);
void             sp_pair_chart_add       (SpPairChart           *chart,
                                          const char            *label,
                                          gint64                 target,
                                          gint64                 actual);
SpBurnupChart   *sp_burnup_chart_new     (const SpCurrency      *currency);
void             sp_burnup_chart_free    (SpBurnupChart         *chart);
SpHeatmapChart  *sp_heatmap_chart_new    (const SpCurrency      *currency);
void             sp_heatmap_chart_free   (SpHeatmapChart        *chart);
SpForecastChart *sp_forecast_chart_new   (const SpCurrency      *currency);
void             sp_forecast_chart_free  (SpForecastChart       *chart);

/* The borrowed data of each chart for its layout and draw functions. The returned arrays
 * (stages, items) are the caller's to g_free; @title overrides the chart's (NULL: none). */
void             sp_kpi_chart_get_data        (const SpKpiChart     *chart,
                                               SpKpiTileData        *data);
SpFunnelStage   *sp_funnel_chart_get_data     (const SpFunnelChart  *chart,
                                               const char           *title,
                                               SpFunnelData         *data);
SpAttainmentItem *sp_pair_chart_get_attainment_data (const SpPairChart *chart,
                                                     const char        *title,
                                                     SpAttainmentData  *data);
SpRankingItem   *sp_pair_chart_get_ranking_data (const SpPairChart  *chart,
                                                 const char         *title,
                                                 SpRankingData      *data);
void             sp_burnup_chart_get_data     (const SpBurnupChart  *chart,
                                               const char           *title,
                                               SpBurnupData         *data);
void             sp_heatmap_chart_get_data    (const SpHeatmapChart *chart,
                                               const char           *title,
                                               SpHeatmapData        *data);

/* The burn-up's day @index (0: the first) and its axis label, "15 Sep" / "9月15日". */
gboolean         sp_burnup_chart_get_day      (const SpBurnupChart  *chart,
                                               guint                 index,
                                               GDate                *day);
char            *sp_burnup_chart_format_day   (double                value,
                                               gpointer              chart);

/* The value as tooltips, tables and tiles write it: exact money, "42.3%", "12.5 days". */
char            *sp_chart_value_format  (SpChartValueKind  kind,
                                         double            value,
                                         const SpCurrency *currency);
/* "12.5 days" as an SpChartFormatFunc (@user_data is ignored). */
char            *sp_chart_format_days   (double            value,
                                         gpointer          user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpKpiChart, sp_kpi_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpFunnelChart, sp_funnel_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPairChart, sp_pair_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBurnupChart, sp_burnup_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpHeatmapChart, sp_heatmap_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpForecastChart, sp_forecast_chart_free)

G_END_DECLS
