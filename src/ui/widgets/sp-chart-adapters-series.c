/* sp-chart-adapters-series.c — the burn-up and the heatmap as SpChartAdapters over their data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-chart-adapters"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sp-chart-adapters.h"

static char *
money (const SpCurrency *currency,
       gint64            amount)
{
  return sp_money_format (amount, currency, SP_MONEY_FORMAT_DEFAULT);
}

/* Burn-up */

static gpointer
burnup_layout (gconstpointer data, const SpChartStyle *style, double width, double height)
{
  const SpBurnupChart *chart = data;
  SpBurnupLayout *layout = g_new0 (SpBurnupLayout, 1);
  PangoContext *context = sp_chart_text_context_new ();
  SpBurnupData burnup;

  sp_burnup_chart_get_data (chart, chart->title, &burnup);
  sp_burnup_chart_layout (&burnup, style, context, width, height, layout);
  g_object_unref (context);
  return layout;
}

static void
burnup_paint (gconstpointer layout, cairo_t *cr, const SpChartStyle *style)
{
  sp_burnup_chart_paint (cr, layout, style);
}

static int
burnup_hit_test (gconstpointer layout, double x, double y)
{
  return sp_burnup_layout_hit_test (layout, x, y);
}

static void
burnup_layout_free (gpointer layout)
{
  sp_burnup_layout_clear (layout);
  g_free (layout);
}

static gint64
burnup_cumulative (const SpBurnupChart *chart,
                   guint                day)
{
  gint64 sum = 0;

  for (guint i = 0; i <= day && i < chart->daily->len; i++)
    sum += g_array_index (chart->daily, gint64, i);
  return sum;
}

static char *
burnup_item_text (gconstpointer data,
                  int           item)
{
  const SpBurnupChart *chart = data;
  g_autofree char *date = NULL;
  g_autofree char *target = NULL;
  GDate day;

  if (item < 0 || !sp_burnup_chart_get_day (chart, item, &day))
    return NULL;
  date = sp_burnup_chart_format_day (item + 1, (gpointer) chart);
  target = money (&chart->currency,
                  sp_money_scale (chart->target, item + 1, MAX (chart->total_days, 1)));
  if ((guint) item < chart->daily->len)
    {
      g_autofree char *value = money (&chart->currency,
                                      g_array_index (chart->daily, gint64, item));
      g_autofree char *total = money (&chart->currency, burnup_cumulative (chart, item));

      /* Translators: a burn-up tooltip: the day, its revenue, the running total, the target
       * line on that day */
      return g_strdup_printf (_("%s\nRevenue: %s\nTo date: %s\nTarget line: %s"), date, value,
                              total, target);
    }
  return g_strdup_printf (_("%s\nTarget line: %s"), date, target);
}

static char *
burnup_summary (gconstpointer data)
{
  const SpBurnupChart *chart = data;
  g_autofree char *actual = money (&chart->currency,
                                   burnup_cumulative (chart, chart->daily->len));
  g_autofree char *target = money (&chart->currency, chart->target);

  /* Translators: the burn-up for screen readers */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s after %u of %u day.",
                                       "%s of %s after %u of %u days.", chart->total_days),
                          actual, target, chart->daily->len, chart->total_days);
}

static guint
burnup_n_columns (gconstpointer data)
{
  return 3;
}

static char *
burnup_column_title (gconstpointer data, guint column)
{
  const char *titles[] = { N_("Day"), N_("Revenue"), N_("To Date") };

  return g_strdup (_(titles[MIN (column, 2)]));
}

static guint
burnup_n_rows (gconstpointer data)
{
  return ((const SpBurnupChart *) data)->daily->len;
}

static char *
burnup_cell_text (gconstpointer data, guint row, guint column)
{
  const SpBurnupChart *chart = data;
  GDate day;

  if (column == 0)
    {
      char text[64] = "";

      if (sp_burnup_chart_get_day (chart, row, &day))
        g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);
      return g_strdup (text);
    }
  if (column == 1)
    return money (&chart->currency, g_array_index (chart->daily, gint64, row));
  return money (&chart->currency, burnup_cumulative (chart, row));
}

const SpChartAdapter sp_burnup_chart_adapter = {
  "burn-up", burnup_layout, burnup_paint, burnup_hit_test, burnup_layout_free, burnup_item_text, burnup_summary,
  burnup_n_columns, burnup_column_title, burnup_n_rows, burnup_cell_text,
};

/* Heatmap */

static gpointer
heatmap_layout (gconstpointer data, const SpChartStyle *style, double width, double height)
{
  const SpHeatmapChart *chart = data;
  SpHeatmapLayout *layout = g_new0 (SpHeatmapLayout, 1);
  PangoContext *context = sp_chart_text_context_new ();
  SpHeatmapData heatmap;

  sp_heatmap_chart_get_data (chart, chart->title, &heatmap);
  sp_heatmap_chart_layout (&heatmap, style, context, width, height, layout);
  g_object_unref (context);
  return layout;
}

static void
heatmap_paint (gconstpointer layout, cairo_t *cr, const SpChartStyle *style)
{
  sp_heatmap_chart_paint (cr, layout, style);
}

static int
heatmap_hit_test (gconstpointer layout, double x, double y)
{
  return sp_heatmap_layout_hit_test (layout, x, y);
}

static void
heatmap_layout_free (gpointer layout)
{
  sp_heatmap_layout_clear (layout);
  g_free (layout);
}

static char *
heatmap_item_text (gconstpointer data,
                   int           item)
{
  const SpHeatmapChart *chart = data;
  g_autofree char *value = NULL;
  guint n_columns = chart->columns->len;

  if (item < 0 || (guint) item >= chart->values->len || n_columns == 0)
    return NULL;
  value = sp_chart_value_format (SP_CHART_VALUE_MONEY,
                                 g_array_index (chart->values, double, item), &chart->currency);
  return g_strdup_printf ("%s, %s\n%s", (char *) chart->rows->pdata[item / n_columns],
                          (char *) chart->columns->pdata[item % n_columns], value);
}

static char *
heatmap_summary (gconstpointer data)
{
  const SpHeatmapChart *chart = data;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_columns = chart->columns->len;

  for (guint r = 0; r < chart->rows->len && n_columns > 0; r++)
    {
      double sum = 0;
      g_autofree char *total = NULL;

      for (guint c = 0; c < n_columns && r * n_columns + c < chart->values->len; c++)
        {
          double value = g_array_index (chart->values, double, r * n_columns + c);

          sum += isnan (value) ? 0 : value;
        }
      total = sp_chart_value_format (SP_CHART_VALUE_MONEY, sum, &chart->currency);
      if (r > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s %s", (char *) chart->rows->pdata[r], total);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
heatmap_n_columns (gconstpointer data)
{
  return ((const SpHeatmapChart *) data)->columns->len + 1;
}

static char *
heatmap_column_title (gconstpointer data, guint column)
{
  const SpHeatmapChart *chart = data;

  return g_strdup (column == 0 ? _("Region") : chart->columns->pdata[column - 1]);
}

static guint
heatmap_n_rows (gconstpointer data)
{
  return ((const SpHeatmapChart *) data)->rows->len;
}

static char *
heatmap_cell_text (gconstpointer data, guint row, guint column)
{
  const SpHeatmapChart *chart = data;
  guint index = row * chart->columns->len + column - 1;

  if (column == 0)
    return g_strdup (chart->rows->pdata[row]);
  if (index >= chart->values->len)
    return g_strdup ("");
  return sp_chart_value_format (SP_CHART_VALUE_MONEY, g_array_index (chart->values, double, index),
                                &chart->currency);
}

const SpChartAdapter sp_heatmap_chart_adapter = {
  "heatmap", heatmap_layout, heatmap_paint, heatmap_hit_test, heatmap_layout_free,
  heatmap_item_text, heatmap_summary,
  heatmap_n_columns, heatmap_column_title, heatmap_n_rows, heatmap_cell_text,
};
