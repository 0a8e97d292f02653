/* sp-chart-data.c — the charts' owned data and its borrowed view for the draw functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sp-chart-data.h"

char *
sp_chart_format_days (double   value,
                      gpointer user_data)
{
  /* Translators: a mean number of days, "12.5 days" */
  return g_strdup_printf (_("%.1f days"), value);
}

char *
sp_chart_value_format (SpChartValueKind  kind,
                       double            value,
                       const SpCurrency *currency)
{
  if (isnan (value))
    return g_strdup ("—");
  switch (kind)
    {
    case SP_CHART_VALUE_MONEY:
      return sp_money_format ((gint64) llround (value), currency, SP_MONEY_FORMAT_DEFAULT);
    case SP_CHART_VALUE_RATIO:
      return sp_chart_format_percent (value);
    case SP_CHART_VALUE_DAYS:
      return sp_chart_format_days (value, NULL);
    case SP_CHART_VALUE_COUNT:
    default:
      return sp_chart_format_number (value, NULL);
    }
}

/* KPI tile */

SpKpiChart *
sp_kpi_chart_new (const SpCurrency *currency)
{
  SpKpiChart *chart = g_new0 (SpKpiChart, 1);

  chart->currency = *currency;
  chart->value = NAN;
  chart->previous = NAN;
  chart->points = g_array_new (FALSE, FALSE, sizeof (double));
  chart->point_labels = g_ptr_array_new_with_free_func (g_free);
  return chart;
}

void
sp_kpi_chart_free (SpKpiChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->name);
  g_free (chart->definition);
  g_free (chart->undefined_reason);
  g_array_unref (chart->points);
  g_ptr_array_unref (chart->point_labels);
  g_free (chart);
}

void
sp_kpi_chart_get_data (const SpKpiChart *chart,
                       SpKpiTileData    *data)
{
  *data = (SpKpiTileData) {
    .name = chart->name,
    .value = chart->value,
    .previous = chart->previous,
    .lower_is_better = chart->lower_is_better,
    .n_points = chart->points->len,
    .points = (const double *) (gpointer) chart->points->data,
    .format_data = (gpointer) &chart->currency,
  };
  switch (chart->value_kind)
    {
    case SP_CHART_VALUE_MONEY:
      data->format_value = sp_chart_format_money;
      break;
    case SP_CHART_VALUE_RATIO:
      data->format_value = sp_chart_format_ratio;
      break;
    case SP_CHART_VALUE_DAYS:
      data->format_value = sp_chart_format_days;
      break;
    case SP_CHART_VALUE_COUNT:
    default:
      data->format_value = NULL;
      break;
    }
}

/* Funnel */

static void
funnel_stage_clear (gpointer data)
{
  g_free (((SpFunnelChartStage *) data)->label);
}

SpFunnelChart *
sp_funnel_chart_new (const SpCurrency *currency)
{
  SpFunnelChart *chart = g_new0 (SpFunnelChart, 1);

  chart->currency = *currency;
  chart->stages = g_array_new (FALSE, TRUE, sizeof (SpFunnelChartStage));
  g_array_set_clear_func (chart->stages, funnel_stage_clear);
  return chart;
}

void
sp_funnel_chart_free (SpFunnelChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->note);
  g_array_unref (chart->stages);
  g_free (chart);
}

SpFunnelStage *
sp_funnel_chart_get_data (const SpFunnelChart *chart,
                          const char          *title,
                          SpFunnelData        *data)
{
  SpFunnelStage *stages = g_new0 (SpFunnelStage, MAX (chart->stages->len, 1));

  for (guint i = 0; i < chart->stages->len; i++)
    {
      const SpFunnelChartStage *stage = &g_array_index (chart->stages, SpFunnelChartStage, i);
      const SpFunnelChartStage *prev = i > 0 ? stage - 1 : NULL;

      stages[i] = (SpFunnelStage) {
        .label = stage->label,
        .count = stage->count,
        .amount = stage->amount,
        /* The chart shows the conversion into a stage, from the one before. */
        .conversion = prev ? prev->conversion : NAN,
        .mean_days = stage->mean_days,
      };
    }
  *data = (SpFunnelData) {
    .title = title,
    .mode = chart->mode,
    .n_stages = chart->stages->len,
    .stages = stages,
    .format_amount = sp_chart_format_money,
    .format_data = (gpointer) &chart->currency,
    .note = chart->note,
  };
  return stages;
}

/* Target and actual pairs: attainment and ranking */

static void
pair_clear (gpointer data)
{
  g_free (((SpChartPair *) data)->label);
}

SpPairChart *
sp_pair_chart_new (const SpCurrency *currency)
{
  SpPairChart *chart = g_new0 (SpPairChart, 1);

  chart->currency = *currency;
  chart->items = g_array_new (FALSE, TRUE, sizeof (SpChartPair));
  g_array_set_clear_func (chart->items, pair_clear);
  return chart;
}

void
sp_pair_chart_free (SpPairChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_array_unref (chart->items);
  g_free (chart);
}

void
sp_pair_chart_add (SpPairChart *chart,
                   const char  *label,
                   gint64       target,
                   gint64       actual)
{
  SpChartPair pair = { g_strdup (label), target, actual };

  g_array_append_val (chart->items, pair);
}

SpAttainmentItem *
sp_pair_chart_get_attainment_data (const SpPairChart *chart,
                                   const char        *title,
                                   SpAttainmentData  *data)
{
  SpAttainmentItem *items = g_new0 (SpAttainmentItem, MAX (chart->items->len, 1));

  for (guint i = 0; i < chart->items->len; i++)
    {
      const SpChartPair *pair = &g_array_index (chart->items, SpChartPair, i);

      items[i] = (SpAttainmentItem) { pair->label, pair->target, pair->actual };
    }
  *data = (SpAttainmentData) {
    .title = title,
    .n_items = chart->items->len,
    .items = items,
    .format_amount = sp_chart_format_money,
    .format_data = (gpointer) &chart->currency,
  };
  return items;
}

SpRankingItem *
sp_pair_chart_get_ranking_data (const SpPairChart *chart,
                                const char        *title,
                                SpRankingData     *data)
{
  SpRankingItem *items = g_new0 (SpRankingItem, MAX (chart->items->len, 1));

  for (guint i = 0; i < chart->items->len; i++)
    {
      const SpChartPair *pair = &g_array_index (chart->items, SpChartPair, i);

      items[i] = (SpRankingItem) { pair->label, pair->actual, pair->target };
    }
  *data = (SpRankingData) {
    .title = title,
    .n_items = chart->items->len,
    .items = items,
    .format_amount = sp_chart_format_money,
    .format_data = (gpointer) &chart->currency,
  };
  return items;
}

/* Burn-up */

SpBurnupChart *
sp_burnup_chart_new (const SpCurrency *currency)
{
  SpBurnupChart *chart = g_new0 (SpBurnupChart, 1);

  chart->currency = *currency;
  chart->daily = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_date_clear (&chart->start, 1);
  return chart;
}

void
sp_burnup_chart_free (SpBurnupChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_array_unref (chart->daily);
  g_free (chart);
}

gboolean
sp_burnup_chart_get_day (const SpBurnupChart *chart,
                         guint                index,
                         GDate               *day)
{
  if (!g_date_valid (&chart->start))
    return FALSE;
  *day = chart->start;
  g_date_add_days (day, index);
  return TRUE;
}

char *
sp_burnup_chart_format_day (double   value,
                            gpointer user_data)
{
  const SpBurnupChart *chart = user_data;
  char text[64];
  GDate day;

  /* @value is the day's number, 1 … total: the axis is labelled at the day's end. */
  if (value < 1 || !sp_burnup_chart_get_day (chart, (guint) value - 1, &day))
    return sp_chart_format_number (value, NULL);
  /* Translators: a day on a chart axis (strftime format): "15 Sep"; zh_CN: "9月15日" */
  if (g_date_strftime (text, sizeof text, _("%-d %b"), &day) == 0)
    return sp_chart_format_number (value, NULL);
  return g_strdup (text);
}

void
sp_burnup_chart_get_data (const SpBurnupChart *chart,
                          const char          *title,
                          SpBurnupData        *data)
{
  *data = (SpBurnupData) {
    .title = title,
    .target = chart->target,
    .total_days = chart->total_days,
    .elapsed_days = MIN (MIN (chart->elapsed_days, chart->daily->len), chart->total_days),
    .daily_actual = (const gint64 *) (gpointer) chart->daily->data,
    .format_amount = sp_chart_format_money,
    .format_data = (gpointer) &chart->currency,
    .format_day = sp_burnup_chart_format_day,
    .format_day_data = (gpointer) chart,
  };
}

/* Heatmap */

SpHeatmapChart *
sp_heatmap_chart_new (const SpCurrency *currency)
{
  SpHeatmapChart *chart = g_new0 (SpHeatmapChart, 1);

  chart->currency = *currency;
  chart->rows = g_ptr_array_new_with_free_func (g_free);
  chart->columns = g_ptr_array_new_with_free_func (g_free);
  chart->values = g_array_new (FALSE, TRUE, sizeof (double));
  return chart;
}

void
sp_heatmap_chart_free (SpHeatmapChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_ptr_array_unref (chart->rows);
  g_ptr_array_unref (chart->columns);
  g_array_unref (chart->values);
  g_free (chart);
}

void
sp_heatmap_chart_get_data (const SpHeatmapChart *chart,
                           const char           *title,
                           SpHeatmapData        *data)
{
  gboolean complete = chart->values->len == chart->rows->len * chart->columns->len;

  *data = (SpHeatmapData) {
    .title = title,
    .n_rows = complete ? chart->rows->len : 0,
    .n_columns = complete ? chart->columns->len : 0,
    .row_labels = (const char * const *) chart->rows->pdata,
    .column_labels = (const char * const *) chart->columns->pdata,
    .values = (const double *) (gpointer) chart->values->data,
    .format_value = sp_chart_format_money,
    .format_data = (gpointer) &chart->currency,
  };
}

/* Weighted forecast */

static void
forecast_row_clear (gpointer data)
{
  g_free (((SpForecastRow *) data)->label);
}

SpForecastChart *
sp_forecast_chart_new (const SpCurrency *currency)
{
  SpForecastChart *chart = g_new0 (SpForecastChart, 1);

  chart->currency = *currency;
  chart->rows = g_array_new (FALSE, TRUE, sizeof (SpForecastRow));
  g_array_set_clear_func (chart->rows, forecast_row_clear);
  return chart;
}

void
sp_forecast_chart_free (SpForecastChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_array_unref (chart->rows);
  g_free (chart);
}
