/* sp-chart-adapters-series.c — the burn-up and the heatmap as SpChartAdapters over owned data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-chart-adapters"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sp-burnup-chart.h"
#include "sp-heatmap-chart.h"

#include "sp-chart-adapters.h"

static char *
money (const SpCurrency *currency,
       gint64            amount)
{
  return sp_money_format (amount, currency, SP_MONEY_FORMAT_DEFAULT);
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

static gboolean
burnup_day (const SpBurnupChart *chart,
            guint                index,
            GDate               *day)
{
  if (!g_date_valid (&chart->start))
    return FALSE;
  *day = chart->start;
  g_date_add_days (day, index);
  return TRUE;
}

static char *
format_day (double   value,
            gpointer user_data)
{
  const SpBurnupChart *chart = user_data;
  char text[64];
  GDate day;

  /* @value is the day's number, 1 … total: the axis is labelled at the day's end. */
  if (value < 1 || !burnup_day (chart, (guint) value - 1, &day))
    return sp_chart_format_number (value, NULL);
  /* Translators: a day on a chart axis (strftime format): "15 Sep"; zh_CN: "9月15日" */
  if (g_date_strftime (text, sizeof text, _("%-d %b"), &day) == 0)
    return sp_chart_format_number (value, NULL);
  return g_strdup (text);
}

static void
burnup_data (const SpBurnupChart *chart,
             SpBurnupData        *data)
{
  *data = (SpBurnupData) {
    .title = chart->title,
    .target = chart->target,
    .total_days = chart->total_days,
    .elapsed_days = MIN (chart->daily->len, chart->total_days),
    .daily_actual = (const gint64 *) (gpointer) chart->daily->data,
    .format_amount = sp_chart_format_money,
    .format_data = (gpointer) &chart->currency,
    .format_day = format_day,
    .format_day_data = (gpointer) chart,
  };
}

static void
burnup_draw (gconstpointer data, cairo_t *cr, const SpChartStyle *style, double width,
             double height)
{
  SpBurnupData chart;

  burnup_data (data, &chart);
  sp_burnup_chart_draw (cr, &chart, style, width, height);
}

static int
burnup_hit_test (gconstpointer data, const SpChartStyle *style, double width, double height,
                 double x, double y)
{
  g_auto(SpBurnupLayout) layout = { 0 };
  SpBurnupData chart;

  burnup_data (data, &chart);
  sp_burnup_chart_layout (&chart, style, NULL, width, height, &layout);
  return sp_burnup_layout_hit_test (&layout, x, y);
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

  if (item < 0 || !burnup_day (chart, item, &day))
    return NULL;
  date = format_day (item + 1, (gpointer) chart);
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
  return g_strdup_printf (_("%s of %s after %u of %u days."), actual, target, chart->daily->len,
                          chart->total_days);
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

      if (burnup_day (chart, row, &day))
        g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);
      return g_strdup (text);
    }
  if (column == 1)
    return money (&chart->currency, g_array_index (chart->daily, gint64, row));
  return money (&chart->currency, burnup_cumulative (chart, row));
}

const SpChartAdapter sp_burnup_chart_adapter = {
  "burn-up", burnup_draw, burnup_hit_test, burnup_item_text, burnup_summary,
  burnup_n_columns, burnup_column_title, burnup_n_rows, burnup_cell_text,
};

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

static void
heatmap_data (const SpHeatmapChart *chart,
              SpHeatmapData        *data)
{
  gboolean complete = chart->values->len == chart->rows->len * chart->columns->len;

  *data = (SpHeatmapData) {
    .title = chart->title,
    .n_rows = complete ? chart->rows->len : 0,
    .n_columns = complete ? chart->columns->len : 0,
    .row_labels = (const char * const *) chart->rows->pdata,
    .column_labels = (const char * const *) chart->columns->pdata,
    .values = (const double *) (gpointer) chart->values->data,
    .format_value = sp_chart_format_money,
    .format_data = (gpointer) &chart->currency,
  };
}

static void
heatmap_draw (gconstpointer data, cairo_t *cr, const SpChartStyle *style, double width,
              double height)
{
  SpHeatmapData chart;

  heatmap_data (data, &chart);
  sp_heatmap_chart_draw (cr, &chart, style, width, height);
}

static int
heatmap_hit_test (gconstpointer data, const SpChartStyle *style, double width, double height,
                  double x, double y)
{
  g_auto(SpHeatmapLayout) layout = { 0 };
  SpHeatmapData chart;

  heatmap_data (data, &chart);
  sp_heatmap_chart_layout (&chart, style, NULL, width, height, &layout);
  return sp_heatmap_layout_hit_test (&layout, x, y);
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
  "heatmap", heatmap_draw, heatmap_hit_test, heatmap_item_text, heatmap_summary,
  heatmap_n_columns, heatmap_column_title, heatmap_n_rows, heatmap_cell_text,
};
