/* sp-chart-adapters.h — the charts of src/charts plugged into SpChartView: owned data for
 * each chart type and its SpChartAdapter (draw, hit test, tooltips, summary, table)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-chart-view.h"
#include "sp-funnel-chart.h"
#include "sp-money.h"

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
  GArray           *points;         /* double, oldest first */
  GPtrArray        *point_labels;   /* char *, one per point */
  SpCurrency        currency;
} SpKpiChart;

typedef struct
{
  char   *label;
  gint64  count;         /* the band in count mode: reached the stage in the period */
  gint64  amount;        /* the band in amount mode: open amount (won: won amount) */
  gint64  open_count;    /* open at the period's end (won: won in it); -1: not shown */
  gint64  weighted;      /* 0: not shown */
  double  conversion;    /* to the next stage; NAN when unknown */
  double  mean_days;     /* NAN when unknown */
} SpFunnelChartStage;

typedef struct
{
  char         *title;
  SpFunnelMode  mode;
  gboolean      activity;   /* an activity funnel: counts only, no days */
  GArray       *stages;     /* SpFunnelChartStage */
  SpCurrency    currency;
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
  GArray     *daily;     /* gint64, one per elapsed day */
  GDate       start;     /* the first day */
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

extern const SpChartAdapter sp_kpi_chart_adapter;
extern const SpChartAdapter sp_funnel_chart_adapter;
extern const SpChartAdapter sp_attainment_chart_adapter;
extern const SpChartAdapter sp_ranking_chart_adapter;
extern const SpChartAdapter sp_burnup_chart_adapter;
extern const SpChartAdapter sp_heatmap_chart_adapter;

SpKpiChart     *sp_kpi_chart_new      (const SpCurrency *currency);
void            sp_kpi_chart_free     (SpKpiChart       *chart);
SpFunnelChart  *sp_funnel_chart_new   (const SpCurrency *currency);
void            sp_funnel_chart_free  (SpFunnelChart    *chart);
SpPairChart    *sp_pair_chart_new     (const SpCurrency *currency);
void            sp_pair_chart_free    (SpPairChart      *chart);
SpBurnupChart  *sp_burnup_chart_new   (const SpCurrency *currency);
void            sp_burnup_chart_free  (SpBurnupChart    *chart);
SpHeatmapChart *sp_heatmap_chart_new  (const SpCurrency *currency);
void            sp_heatmap_chart_free (SpHeatmapChart   *chart);

/* The value as the tooltips and tables write it: exact money, "42.3%", "12.5 days". */
char           *sp_chart_value_format (SpChartValueKind  kind,
                                       double            value,
                                       const SpCurrency *currency);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpKpiChart, sp_kpi_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpFunnelChart, sp_funnel_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPairChart, sp_pair_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBurnupChart, sp_burnup_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpHeatmapChart, sp_heatmap_chart_free)

G_END_DECLS
