/* sp-chart-adapters.c — the KPI tile, funnel, attainment and ranking charts as SpChartAdapters
 * over owned data (the burn-up and heatmap: sp-chart-adapters-series.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-chart-adapters"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sp-attainment-chart.h"
#include "sp-kpi-tile.h"
#include "sp-ranking-chart.h"

#include "sp-chart-adapters.h"

static char *
format_days (double   value,
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
      return format_days (value, NULL);
    case SP_CHART_VALUE_COUNT:
    default:
      return sp_chart_format_number (value, NULL);
    }
}

static char *
money (const SpCurrency *currency,
       gint64            amount)
{
  return sp_money_format (amount, currency, SP_MONEY_FORMAT_DEFAULT);
}

static char *
ratio_or_dash (double ratio)
{
  return isnan (ratio) ? g_strdup ("—") : sp_chart_format_percent (ratio);
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

static void
kpi_data (const SpKpiChart *chart,
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
      data->format_value = format_days;
      break;
    case SP_CHART_VALUE_COUNT:
    default:
      data->format_value = NULL;
      break;
    }
}

static void
kpi_draw (gconstpointer data, cairo_t *cr, const SpChartStyle *style, double width, double height)
{
  SpKpiTileData tile;

  kpi_data (data, &tile);
  sp_kpi_tile_draw (cr, &tile, style, width, height);
}

static int
kpi_hit_test (gconstpointer data, const SpChartStyle *style, double width, double height,
              double x, double y)
{
  g_auto(SpKpiTileLayout) layout = { 0 };
  SpKpiTileData tile;

  kpi_data (data, &tile);
  sp_kpi_tile_layout (&tile, style, NULL, width, height, &layout);
  return sp_kpi_tile_layout_hit_test (&layout, x, y);
}

static char *
kpi_item_text (gconstpointer data,
               int           item)
{
  const SpKpiChart *chart = data;
  g_autofree char *value = NULL;

  if (item >= 0 && (guint) item < chart->points->len)
    {
      value = sp_chart_value_format (chart->value_kind,
                                     g_array_index (chart->points, double, item),
                                     &chart->currency);
      return g_strdup_printf ("%s — %s\n%s", (char *) chart->point_labels->pdata[item], value,
                              chart->name);
    }

  if (isnan (chart->value))
    value = g_strdup (chart->undefined_reason ? chart->undefined_reason : "—");
  else
    value = sp_chart_value_format (chart->value_kind, chart->value, &chart->currency);
  return g_strdup_printf ("%s: %s\n%s", chart->name, value,
                          chart->definition ? chart->definition : "");
}

static char *
kpi_summary (gconstpointer data)
{
  const SpKpiChart *chart = data;
  g_autofree char *value = kpi_item_text (data, -1);
  g_autofree char *previous = sp_chart_value_format (chart->value_kind, chart->previous,
                                                     &chart->currency);

  /* Translators: a KPI tile for screen readers; %s: name, value and definition, then the
   * previous period's value */
  return g_strdup_printf (_("%s. Previous period: %s."), value, previous);
}

static guint
kpi_n_columns (gconstpointer data)
{
  return 2;
}

static char *
kpi_column_title (gconstpointer data, guint column)
{
  return g_strdup (column == 0 ? _("Period") : ((const SpKpiChart *) data)->name);
}

static guint
kpi_n_rows (gconstpointer data)
{
  return ((const SpKpiChart *) data)->points->len;
}

static char *
kpi_cell_text (gconstpointer data, guint row, guint column)
{
  const SpKpiChart *chart = data;

  if (column == 0)
    return g_strdup (chart->point_labels->pdata[row]);
  return sp_chart_value_format (chart->value_kind, g_array_index (chart->points, double, row),
                                &chart->currency);
}

const SpChartAdapter sp_kpi_chart_adapter = {
  "kpi", kpi_draw, kpi_hit_test, kpi_item_text, kpi_summary,
  kpi_n_columns, kpi_column_title, kpi_n_rows, kpi_cell_text,
};

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
  g_array_unref (chart->stages);
  g_free (chart);
}

/* The chart's stages; the caller frees the array (labels are borrowed). */
static SpFunnelStage *
funnel_data (const SpFunnelChart *chart,
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
    .title = chart->title,
    .mode = chart->mode,
    .n_stages = chart->stages->len,
    .stages = stages,
    .format_amount = sp_chart_format_money,
    .format_data = (gpointer) &chart->currency,
  };
  return stages;
}

static void
funnel_draw (gconstpointer data, cairo_t *cr, const SpChartStyle *style, double width,
             double height)
{
  SpFunnelData funnel;
  g_autofree SpFunnelStage *stages = funnel_data (data, &funnel);

  sp_funnel_chart_draw (cr, &funnel, style, width, height);
}

static int
funnel_hit_test (gconstpointer data, const SpChartStyle *style, double width, double height,
                 double x, double y)
{
  g_auto(SpFunnelLayout) layout = { 0 };
  SpFunnelData funnel;
  g_autofree SpFunnelStage *stages = funnel_data (data, &funnel);

  sp_funnel_chart_layout (&funnel, style, NULL, width, height, &layout);
  return sp_funnel_layout_hit_test (&layout, x, y);
}

static char *
funnel_item_text (gconstpointer data,
                  int           item)
{
  const SpFunnelChart *chart = data;
  const SpFunnelChartStage *stage;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *amount = NULL;
  g_autofree char *conversion = NULL;

  if (item < 0 || (guint) item >= chart->stages->len)
    return NULL;
  stage = &g_array_index (chart->stages, SpFunnelChartStage, item);
  g_string_append (text, stage->label);
  g_string_append_c (text, '\n');
  if (chart->activity)
    g_string_append_printf (text, _("Count: %lld"), (long long) stage->count);
  else
    {
      gboolean won = (guint) item + 1 == chart->stages->len;

      amount = money (&chart->currency, stage->amount);

      if (won)
        g_string_append_printf (text, _("Won of those that entered the funnel in the period: %lld"),
                                (long long) stage->count);
      else
        g_string_append_printf (text, _("Reached in the period: %lld"),
                                (long long) stage->count);
      g_string_append_c (text, '\n');
      if (won)
        /* Translators: the won row of the funnel */
        g_string_append_printf (text, _("Won in the period: %lld (%s)"),
                                (long long) MAX (stage->open_count, 0), amount);
      else
        /* Translators: a stage's open opportunities at the period's end and their amount */
        g_string_append_printf (text, _("Open at the period’s end: %lld (%s)"),
                                (long long) MAX (stage->open_count, 0), amount);
    }
  if (stage->weighted > 0)
    {
      g_autofree char *weighted = money (&chart->currency, stage->weighted);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Weighted: %s"), weighted);
    }
  if (!isnan (stage->conversion))
    {
      conversion = sp_chart_format_percent (stage->conversion);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Conversion to the next stage: %s"), conversion);
    }
  if (!isnan (stage->mean_days))
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Days in stage: %.1f"), stage->mean_days);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
funnel_summary (gconstpointer data)
{
  const SpFunnelChart *chart = data;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < chart->stages->len; i++)
    {
      const SpFunnelChartStage *stage = &g_array_index (chart->stages, SpFunnelChartStage, i);

      if (i > 0)
        g_string_append (text, "; ");
      if (chart->activity)
        g_string_append_printf (text, "%s %" G_GINT64_FORMAT, stage->label, stage->count);
      else
        {
          g_autofree char *amount = money (&chart->currency, stage->amount);

          g_string_append_printf (text, "%s %" G_GINT64_FORMAT " (%s)", stage->label,
                                  stage->count, amount);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
funnel_n_columns (gconstpointer data)
{
  return ((const SpFunnelChart *) data)->activity ? 3 : 7;
}

static char *
funnel_column_title (gconstpointer data, guint column)
{
  const SpFunnelChart *chart = data;
  const char *titles[] = { N_("Stage"), N_("Reached"), N_("Amount"), N_("Weighted"),
                           N_("Conversion"), N_("Days in Stage"), N_("Open") };

  if (chart->activity)
    column = column == 2 ? 4 : column;
  return g_strdup (_(titles[MIN (column, G_N_ELEMENTS (titles) - 1)]));
}

static guint
funnel_n_rows (gconstpointer data)
{
  return ((const SpFunnelChart *) data)->stages->len;
}

static char *
funnel_cell_text (gconstpointer data, guint row, guint column)
{
  const SpFunnelChart *chart = data;
  const SpFunnelChartStage *stage = &g_array_index (chart->stages, SpFunnelChartStage, row);

  if (chart->activity)
    column = column == 2 ? 4 : column;
  switch (column)
    {
    case 0:
      return g_strdup (stage->label);
    case 1:
      return g_strdup_printf ("%" G_GINT64_FORMAT, stage->count);
    case 2:
      return money (&chart->currency, stage->amount);
    case 3:
      return money (&chart->currency, stage->weighted);
    case 4:
      return ratio_or_dash (stage->conversion);
    case 5:
      return isnan (stage->mean_days) ? g_strdup ("—") : format_days (stage->mean_days, NULL);
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, MAX (stage->open_count, 0));
    }
}

const SpChartAdapter sp_funnel_chart_adapter = {
  "funnel", funnel_draw, funnel_hit_test, funnel_item_text, funnel_summary,
  funnel_n_columns, funnel_column_title, funnel_n_rows, funnel_cell_text,
};

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

static SpAttainmentItem *
attainment_data (const SpPairChart *chart,
                 SpAttainmentData  *data)
{
  SpAttainmentItem *items = g_new0 (SpAttainmentItem, MAX (chart->items->len, 1));

  for (guint i = 0; i < chart->items->len; i++)
    {
      const SpChartPair *pair = &g_array_index (chart->items, SpChartPair, i);

      items[i] = (SpAttainmentItem) { pair->label, pair->target, pair->actual };
    }
  *data = (SpAttainmentData) {
    .title = chart->title,
    .n_items = chart->items->len,
    .items = items,
    .format_amount = sp_chart_format_money,
    .format_data = (gpointer) &chart->currency,
  };
  return items;
}

static void
attainment_draw (gconstpointer data, cairo_t *cr, const SpChartStyle *style, double width,
                 double height)
{
  SpAttainmentData chart;
  g_autofree SpAttainmentItem *items = attainment_data (data, &chart);

  sp_attainment_chart_draw (cr, &chart, style, width, height);
}

static int
attainment_hit_test (gconstpointer data, const SpChartStyle *style, double width,
                     double height, double x, double y)
{
  g_auto(SpAttainmentLayout) layout = { 0 };
  SpAttainmentData chart;
  g_autofree SpAttainmentItem *items = attainment_data (data, &chart);

  sp_attainment_chart_layout (&chart, style, NULL, width, height, &layout);
  return sp_attainment_layout_hit_test (&layout, x, y);
}

static char *
pair_item_text (gconstpointer data,
                int           item)
{
  const SpPairChart *chart = data;
  const SpChartPair *pair;
  g_autofree char *actual = NULL;
  g_autofree char *target = NULL;
  g_autofree char *attainment = NULL;

  if (item < 0 || (guint) item >= chart->items->len)
    return NULL;
  pair = &g_array_index (chart->items, SpChartPair, item);
  actual = money (&chart->currency, pair->actual);
  target = money (&chart->currency, pair->target);
  attainment = sp_attainment_format (pair->actual, pair->target);
  /* Translators: a tooltip: name, then actual, target and attainment (达成率) */
  return g_strdup_printf (_("%s\nActual: %s\nTarget: %s\nAttainment: %s"), pair->label, actual,
                          target, attainment);
}

static char *
pair_summary (gconstpointer data)
{
  const SpPairChart *chart = data;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < chart->items->len; i++)
    {
      const SpChartPair *pair = &g_array_index (chart->items, SpChartPair, i);
      g_autofree char *actual = money (&chart->currency, pair->actual);
      g_autofree char *attainment = sp_attainment_format (pair->actual, pair->target);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s %s (%s)", pair->label, actual, attainment);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
pair_n_columns (gconstpointer data)
{
  return 4;
}

static char *
pair_column_title (gconstpointer data, guint column)
{
  const char *titles[] = { N_("Name"), N_("Actual"), N_("Target"), N_("Attainment") };

  return g_strdup (_(titles[MIN (column, 3)]));
}

static guint
pair_n_rows (gconstpointer data)
{
  return ((const SpPairChart *) data)->items->len;
}

static char *
pair_cell_text (gconstpointer data, guint row, guint column)
{
  const SpPairChart *chart = data;
  const SpChartPair *pair = &g_array_index (chart->items, SpChartPair, row);

  switch (column)
    {
    case 0:
      return g_strdup (pair->label);
    case 1:
      return money (&chart->currency, pair->actual);
    case 2:
      return money (&chart->currency, pair->target);
    default:
      return sp_attainment_format (pair->actual, pair->target);
    }
}

const SpChartAdapter sp_attainment_chart_adapter = {
  "attainment", attainment_draw, attainment_hit_test, pair_item_text, pair_summary,
  pair_n_columns, pair_column_title, pair_n_rows, pair_cell_text,
};

static SpRankingItem *
ranking_data (const SpPairChart *chart,
              SpRankingData     *data)
{
  SpRankingItem *items = g_new0 (SpRankingItem, MAX (chart->items->len, 1));

  for (guint i = 0; i < chart->items->len; i++)
    {
      const SpChartPair *pair = &g_array_index (chart->items, SpChartPair, i);

      items[i] = (SpRankingItem) { pair->label, pair->actual, pair->target };
    }
  *data = (SpRankingData) {
    .title = chart->title,
    .n_items = chart->items->len,
    .items = items,
    .format_amount = sp_chart_format_money,
    .format_data = (gpointer) &chart->currency,
  };
  return items;
}

static void
ranking_draw (gconstpointer data, cairo_t *cr, const SpChartStyle *style, double width,
              double height)
{
  SpRankingData chart;
  g_autofree SpRankingItem *items = ranking_data (data, &chart);

  sp_ranking_chart_draw (cr, &chart, style, width, height);
}

static int
ranking_hit_test (gconstpointer data, const SpChartStyle *style, double width, double height,
                  double x, double y)
{
  g_auto(SpRankingLayout) layout = { 0 };
  SpRankingData chart;
  g_autofree SpRankingItem *items = ranking_data (data, &chart);

  sp_ranking_chart_layout (&chart, style, NULL, width, height, &layout);
  return sp_ranking_layout_hit_test (&layout, x, y);
}

const SpChartAdapter sp_ranking_chart_adapter = {
  "ranking", ranking_draw, ranking_hit_test, pair_item_text, pair_summary,
  pair_n_columns, pair_column_title, pair_n_rows, pair_cell_text,
};
