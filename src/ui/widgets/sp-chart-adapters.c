/* sp-chart-adapters.c — the KPI tile, funnel, attainment and ranking charts as SpChartAdapters
 * over their data (sp-chart-data.h; the burn-up and heatmap: sp-chart-adapters-series.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-chart-adapters"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-chart-adapters.h"

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

static gpointer
kpi_layout (gconstpointer data, const SpChartStyle *style, double width, double height)
{
  SpKpiTileLayout *layout = g_new0 (SpKpiTileLayout, 1);
  PangoContext *context = sp_chart_text_context_new ();
  SpKpiTileData tile;

  sp_kpi_chart_get_data (data, &tile);
  sp_kpi_tile_layout (&tile, style, context, width, height, layout);
  g_object_unref (context);
  return layout;
}

static void
kpi_paint (gconstpointer layout, cairo_t *cr, const SpChartStyle *style)
{
  sp_kpi_tile_paint (cr, layout, style);
}

static int
kpi_hit_test (gconstpointer layout, double x, double y)
{
  return sp_kpi_tile_layout_hit_test (layout, x, y);
}

static void
kpi_layout_free (gpointer layout)
{
  sp_kpi_tile_layout_clear (layout);
  g_free (layout);
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
  gsize len = strlen (value);

  /* The definition ends its own sentence: the format below adds the full stop. */
  while (len > 0 && (value[len - 1] == '.' || g_ascii_isspace (value[len - 1])))
    value[--len] = '\0';
  while (len >= strlen ("。") && strcmp (value + len - strlen ("。"), "。") == 0)
    {
      len -= strlen ("。");
      value[len] = '\0';
    }

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
  "kpi", kpi_layout, kpi_paint, kpi_hit_test, kpi_layout_free, kpi_item_text, kpi_summary,
  kpi_n_columns, kpi_column_title, kpi_n_rows, kpi_cell_text,
};

/* Funnel */

gpointer
sp_funnel_chart_adapter_layout (gconstpointer       data,
                                const SpChartStyle *style,
                                double              width,
                                double              height)
{
  const SpFunnelChart *chart = data;
  SpFunnelLayout *layout = g_new0 (SpFunnelLayout, 1);
  PangoContext *context = sp_chart_text_context_new ();
  SpFunnelData funnel;
  g_autofree SpFunnelStage *stages = sp_funnel_chart_get_data (chart, chart->title, &funnel);

  sp_funnel_chart_layout (&funnel, style, context, width, height, layout);
  g_object_unref (context);
  return layout;
}

void
sp_funnel_chart_adapter_paint (gconstpointer       layout,
                               cairo_t            *cr,
                               const SpChartStyle *style)
{
  sp_funnel_chart_paint (cr, layout, style);
}

int
sp_funnel_chart_adapter_hit_test (gconstpointer layout,
                                  double        x,
                                  double        y)
{
  return sp_funnel_layout_hit_test (layout, x, y);
}

void
sp_funnel_chart_adapter_layout_free (gpointer layout)
{
  sp_funnel_layout_clear (layout);
  g_free (layout);
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
      return sp_chart_value_format (SP_CHART_VALUE_DAYS, stage->mean_days, &chart->currency);
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, MAX (stage->open_count, 0));
    }
}

const SpChartAdapter sp_funnel_chart_adapter = {
  "funnel", sp_funnel_chart_adapter_layout, sp_funnel_chart_adapter_paint,
  sp_funnel_chart_adapter_hit_test, sp_funnel_chart_adapter_layout_free, funnel_item_text, funnel_summary,
  funnel_n_columns, funnel_column_title, funnel_n_rows, funnel_cell_text,
};

/* Target and actual pairs: attainment and ranking */

static gpointer
attainment_layout (gconstpointer data, const SpChartStyle *style, double width, double height)
{
  const SpPairChart *chart = data;
  SpAttainmentLayout *layout = g_new0 (SpAttainmentLayout, 1);
  PangoContext *context = sp_chart_text_context_new ();
  SpAttainmentData attainment;
  g_autofree SpAttainmentItem *items = sp_pair_chart_get_attainment_data (chart, chart->title,
                                                                          &attainment);

  sp_attainment_chart_layout (&attainment, style, context, width, height, layout);
  g_object_unref (context);
  return layout;
}

static void
attainment_paint (gconstpointer layout, cairo_t *cr, const SpChartStyle *style)
{
  sp_attainment_chart_paint (cr, layout, style);
}

static int
attainment_hit_test (gconstpointer layout, double x, double y)
{
  return sp_attainment_layout_hit_test (layout, x, y);
}

static void
attainment_layout_free (gpointer layout)
{
  sp_attainment_layout_clear (layout);
  g_free (layout);
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
  "attainment", attainment_layout, attainment_paint, attainment_hit_test,
  attainment_layout_free, pair_item_text, pair_summary,
  pair_n_columns, pair_column_title, pair_n_rows, pair_cell_text,
};

static gpointer
ranking_layout (gconstpointer data, const SpChartStyle *style, double width, double height)
{
  const SpPairChart *chart = data;
  SpRankingLayout *layout = g_new0 (SpRankingLayout, 1);
  PangoContext *context = sp_chart_text_context_new ();
  SpRankingData ranking;
  g_autofree SpRankingItem *items = sp_pair_chart_get_ranking_data (chart, chart->title,
                                                                    &ranking);

  sp_ranking_chart_layout (&ranking, style, context, width, height, layout);
  g_object_unref (context);
  return layout;
}

static void
ranking_paint (gconstpointer layout, cairo_t *cr, const SpChartStyle *style)
{
  sp_ranking_chart_paint (cr, layout, style);
}

static int
ranking_hit_test (gconstpointer layout, double x, double y)
{
  return sp_ranking_layout_hit_test (layout, x, y);
}

static void
ranking_layout_free (gpointer layout)
{
  sp_ranking_layout_clear (layout);
  g_free (layout);
}

const SpChartAdapter sp_ranking_chart_adapter = {
  "ranking", ranking_layout, ranking_paint, ranking_hit_test, ranking_layout_free,
  pair_item_text, pair_summary,
  pair_n_columns, pair_column_title, pair_n_rows, pair_cell_text,
};
