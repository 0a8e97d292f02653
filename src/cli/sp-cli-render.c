/* sp-cli-render.c — the render command: a dashboard chart to PNG, SVG or PDF
 *
 * Each chart is drawn by the charts library's draw function, the one the app's widgets and
 * printing use, from the sp_metrics_* figures of one fiscal year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "sp-attainment-chart.h"
#include "sp-burnup-chart.h"
#include "sp-chart-scale.h"
#include "sp-chart-style.h"
#include "sp-cli-private.h"
#include "sp-funnel-chart.h"
#include "sp-heatmap-chart.h"
#include "sp-kpi-tile.h"
#include "sp-ranking-chart.h"

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} OutputFormat;

typedef struct
{
  SpStore          *store;
  SpCalendar       *calendar;
  const SpCurrency *currency;
  int               year;
  GDate             first;    /* the fiscal year */
  GDate             last;
  GDate             today;
} RenderContext;

typedef gboolean (*DrawFunc) (RenderContext       *ctx,
                              cairo_t             *cr,
                              const SpChartStyle  *style,
                              double               width,
                              double               height,
                              GError             **error);

static double
rate_or_nan (SpRate rate)
{
  return sp_metrics_rate_to_double (rate);
}

static void
month_filter (RenderContext   *ctx,
              guint            index,
              SpMetricsFilter *filter)
{
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  sp_calendar_month_range (ctx->calendar, ctx->year, index, &first, &last);
  sp_metrics_filter_init (filter, &first, &last);
}

static gboolean
draw_funnel (RenderContext       *ctx,
             cairo_t             *cr,
             const SpChartStyle  *style,
             double               width,
             double               height,
             GError             **error)
{
  g_autoptr(SpMetricsFunnel) funnel = NULL;
  g_autofree SpFunnelStage *stages = NULL;
  g_autofree char *title = g_strdup_printf (_("Sales funnel, fiscal year %d"), ctx->year);
  SpMetricsFilter filter;
  SpFunnelData data = { 0 };

  sp_metrics_filter_init (&filter, &ctx->first, &ctx->last);
  funnel = sp_metrics_get_funnel (ctx->store, &filter, NULL, error);
  if (funnel == NULL)
    return FALSE;

  stages = g_new0 (SpFunnelStage, MAX (funnel->n_stages, 1));
  for (guint i = 0; i < funnel->n_stages; i++)
    {
      const SpMetricsStage *stage = &funnel->stages[i];

      stages[i].label = stage->name;
      stages[i].count = stage->reached;
      stages[i].amount = stage->open_amount;
      stages[i].conversion = i > 0 ? rate_or_nan (funnel->stages[i - 1].conversion) : NAN;
      stages[i].mean_days = rate_or_nan (stage->days_in_stage);
    }
  data.title = title;
  data.mode = SP_FUNNEL_MODE_COUNT;
  data.n_stages = funnel->n_stages;
  data.stages = stages;
  data.format_amount = sp_chart_format_money;
  data.format_data = (gpointer) ctx->currency;
  sp_funnel_chart_draw (cr, &data, style, width, height);
  return TRUE;
}

static gboolean
draw_attainment (RenderContext       *ctx,
                 cairo_t             *cr,
                 const SpChartStyle  *style,
                 double               width,
                 double               height,
                 GError             **error)
{
  SpAttainmentItem items[12];
  char labels[12][16];
  g_autofree char *title = g_strdup_printf (_("Attainment by month, fiscal year %d"), ctx->year);
  SpAttainmentData data = { 0 };

  for (guint i = 0; i < 12; i++)
    {
      SpMetricsFilter filter;
      SpMetricsAttainment attainment;

      month_filter (ctx, i, &filter);
      if (!sp_metrics_get_attainment (ctx->store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                      &attainment, error))
        return FALSE;
      g_date_strftime (labels[i], sizeof labels[i], "%Y-%m", &filter.from);
      items[i].label = labels[i];
      items[i].target = attainment.target;
      items[i].actual = attainment.actual;
    }
  data.title = title;
  data.n_items = 12;
  data.items = items;
  data.format_amount = sp_chart_format_money;
  data.format_data = (gpointer) ctx->currency;
  sp_attainment_chart_draw (cr, &data, style, width, height);
  return TRUE;
}

static char *
format_day_cb (double   value,
               gpointer user_data)
{
  const GDate *first = user_data;
  GDate day = *first;
  char text[16];

  if (value >= 1)
    g_date_add_days (&day, (guint) value - 1);
  g_date_strftime (text, sizeof text, "%m-%d", &day);
  return g_strdup (text);
}

static gboolean
draw_burnup (RenderContext       *ctx,
             cairo_t             *cr,
             const SpChartStyle  *style,
             double               width,
             double               height,
             GError             **error)
{
  g_autoptr(GArray) series = NULL;
  g_autofree gint64 *daily = NULL;
  g_autofree char *title = g_strdup_printf (_("Burn-up, fiscal year %d"), ctx->year);
  SpMetricsFilter filter;
  SpMetricsAttainment attainment;
  SpBurnupData data = { 0 };
  guint total_days, elapsed_days;
  GDate end;

  sp_metrics_filter_init (&filter, &ctx->first, &ctx->last);
  if (!sp_metrics_get_attainment (ctx->store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                  &attainment, error))
    return FALSE;

  total_days = (guint) g_date_days_between (&ctx->first, &ctx->last) + 1;
  if (g_date_compare (&ctx->today, &ctx->first) < 0)
    elapsed_days = 0;
  else if (g_date_compare (&ctx->today, &ctx->last) > 0)
    elapsed_days = total_days;
  else
    elapsed_days = (guint) g_date_days_between (&ctx->first, &ctx->today) + 1;

  daily = g_new0 (gint64, MAX (elapsed_days, 1));
  if (elapsed_days > 0)
    {
      end = ctx->first;
      g_date_add_days (&end, elapsed_days - 1);
      sp_metrics_filter_init (&filter, &ctx->first, &end);
      series = sp_metrics_get_revenue_series (ctx->store, &filter, SP_METRICS_STEP_DAY, error);
      if (series == NULL)
        return FALSE;
      for (guint i = 0; i < series->len && i < elapsed_days; i++)
        daily[i] = g_array_index (series, SpMetricsPoint, i).value;
    }

  data.title = title;
  data.target = attainment.target;
  data.total_days = total_days;
  data.elapsed_days = elapsed_days;
  data.daily_actual = daily;
  data.format_amount = sp_chart_format_money;
  data.format_data = (gpointer) ctx->currency;
  data.format_day = format_day_cb;
  data.format_day_data = &ctx->first;
  sp_burnup_chart_draw (cr, &data, style, width, height);
  return TRUE;
}

static gboolean
draw_ranking (RenderContext       *ctx,
              cairo_t             *cr,
              const SpChartStyle  *style,
              double               width,
              double               height,
              GError             **error)
{
  g_autoptr(GPtrArray) ranking = NULL;
  g_autofree SpRankingItem *items = NULL;
  g_autofree char *title = g_strdup_printf (_("Rep ranking, fiscal year %d"), ctx->year);
  SpMetricsFilter filter;
  SpRankingData data = { 0 };

  sp_metrics_filter_init (&filter, &ctx->first, &ctx->last);
  ranking = sp_metrics_get_ranking (ctx->store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                    SP_METRICS_RANK_BY_ACTUAL, error);
  if (ranking == NULL)
    return FALSE;

  items = g_new0 (SpRankingItem, MAX (ranking->len, 1));
  for (guint i = 0; i < ranking->len; i++)
    {
      const SpMetricsRankEntry *entry = g_ptr_array_index (ranking, i);

      items[i].label = entry->name;
      items[i].value = entry->actual;
      items[i].target = entry->target;
    }
  data.title = title;
  data.n_items = ranking->len;
  data.items = items;
  data.format_amount = sp_chart_format_money;
  data.format_data = (gpointer) ctx->currency;
  sp_ranking_chart_draw (cr, &data, style, width, height);
  return TRUE;
}

static gboolean
draw_heatmap (RenderContext       *ctx,
              cairo_t             *cr,
              const SpChartStyle  *style,
              double               width,
              double               height,
              GError             **error)
{
  g_autoptr(SpMetricsHeatmap) heatmap = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = NULL;
  g_autofree char *title = g_strdup_printf (_("Revenue by region and month, fiscal year %d"),
                                            ctx->year);
  SpMetricsFilter filter;
  SpHeatmapData data = { 0 };
  guint n;

  sp_metrics_filter_init (&filter, &ctx->first, &ctx->last);
  heatmap = sp_metrics_get_region_heatmap (ctx->store, &filter, error);
  if (heatmap == NULL)
    return FALSE;

  for (guint i = 0; i < heatmap->n_months; i++)
    {
      char label[16];

      g_date_strftime (label, sizeof label, "%Y-%m", &heatmap->months[i]);
      g_ptr_array_add (columns, g_strdup (label));
    }
  n = heatmap->n_regions * heatmap->n_months;
  values = g_new0 (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    values[i] = (double) heatmap->values[i];

  data.title = title;
  data.n_rows = heatmap->n_regions;
  data.n_columns = heatmap->n_months;
  data.row_labels = (const char * const *) heatmap->region_names;
  data.column_labels = (const char * const *) columns->pdata;
  data.values = values;
  data.format_value = sp_chart_format_money;
  data.format_data = (gpointer) ctx->currency;
  sp_heatmap_chart_draw (cr, &data, style, width, height);
  return TRUE;
}

static char *
format_days_cb (double   value,
                gpointer user_data)
{
  g_autofree char *number = sp_chart_format_number (round (value * 10) / 10, NULL);

  /* TRANSLATORS: the win cycle on its KPI tile, "55.1 days" */
  return g_strdup_printf (_("%s days"), number);
}

/* The six key success factors of a filter as doubles (NAN when undefined). */
static gboolean
kpi_values (RenderContext         *ctx,
            const SpMetricsFilter *filter,
            double                 out[6],
            GError               **error)
{
  SpMetricsKpis kpis;

  if (!sp_metrics_get_kpis (ctx->store, filter, &kpis, error))
    return FALSE;
  out[0] = (double) kpis.effective_leads;
  out[1] = (double) kpis.effective_opportunities;
  out[2] = rate_or_nan (kpis.win_rate);
  out[3] = rate_or_nan (kpis.win_cycle);
  out[4] = kpis.average_deal_size.defined ? (double) kpis.average_deal_size.value : NAN;
  out[5] = rate_or_nan (kpis.collection_rate);
  return TRUE;
}

static gboolean
draw_kpis (RenderContext       *ctx,
           cairo_t             *cr,
           const SpChartStyle  *style,
           double               width,
           double               height,
           GError             **error)
{
  static const SpMetricKind kinds[6] = {
    SP_METRIC_EFFECTIVE_LEADS, SP_METRIC_EFFECTIVE_OPPORTUNITIES, SP_METRIC_WIN_RATE,
    SP_METRIC_WIN_CYCLE, SP_METRIC_AVERAGE_DEAL_SIZE, SP_METRIC_COLLECTION_RATE,
  };
  double current[6], previous[6], points[6][12];
  SpMetricsFilter filter;
  GDate first, last;

  sp_metrics_filter_init (&filter, &ctx->first, &ctx->last);
  if (!kpi_values (ctx, &filter, current, error))
    return FALSE;
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  sp_calendar_fiscal_year_range (ctx->calendar, ctx->year - 1, &first, &last);
  sp_metrics_filter_init (&filter, &first, &last);
  if (!kpi_values (ctx, &filter, previous, error))
    return FALSE;
  for (guint m = 0; m < 12; m++)
    {
      double month[6];

      month_filter (ctx, m, &filter);
      if (!kpi_values (ctx, &filter, month, error))
        return FALSE;
      for (guint k = 0; k < 6; k++)
        points[k][m] = month[k];
    }

  /* Three tiles by two, as on the dashboard. */
  for (guint k = 0; k < 6; k++)
    {
      double tile_w = width / 3, tile_h = height / 2;
      SpKpiTileData data = { 0 };

      data.name = sp_metric_get_name (kinds[k]);
      data.value = current[k];
      data.previous = previous[k];
      data.lower_is_better = kinds[k] == SP_METRIC_WIN_CYCLE;
      data.n_points = 12;
      data.points = points[k];
      if (kinds[k] == SP_METRIC_AVERAGE_DEAL_SIZE)
        {
          data.format_value = sp_chart_format_money;
          data.format_data = (gpointer) ctx->currency;
        }
      else if (kinds[k] == SP_METRIC_WIN_RATE || kinds[k] == SP_METRIC_COLLECTION_RATE)
        data.format_value = sp_chart_format_ratio;
      else if (kinds[k] == SP_METRIC_WIN_CYCLE)
        data.format_value = format_days_cb;
      else
        data.format_value = sp_chart_format_number;

      cairo_save (cr);
      cairo_translate (cr, floor ((k % 3) * tile_w), floor ((k / 3) * tile_h));
      cairo_rectangle (cr, 0, 0, ceil (tile_w), ceil (tile_h));
      cairo_clip (cr);
      sp_kpi_tile_draw (cr, &data, style, floor (tile_w), floor (tile_h));
      cairo_restore (cr);
    }
  return TRUE;
}

static const struct
{
  const char *name;
  DrawFunc    draw;
} charts[] = {
  { "funnel", draw_funnel },
  { "attainment", draw_attainment },
  { "burnup", draw_burnup },
  { "ranking", draw_ranking },
  { "heatmap", draw_heatmap },
  { "kpis", draw_kpis },
};

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
parse_size (const char  *option,
            const char  *text,
            int         *out,
            GError     **error)
{
  guint64 value;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 16, 16384, &value, NULL))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid size “%s” for %s: expected 16 to 16384 pixels"), text, option);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

gboolean
sp_cli_run_render (SpCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *output = NULL;
  g_autofree char *width_text = NULL;
  g_autofree char *height_text = NULL;
  g_autofree char *style_text = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(SpCalendar) calendar = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gboolean force = FALSE, help_shown;
  DrawFunc draw = NULL;
  OutputFormat format;
  SpChartPaletteKind palette = SP_CHART_PALETTE_LIGHT;
  SpChartStyle style;
  RenderContext ctx = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int width = 1920, height = 1080;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The image to write: .png, .svg or .pdf"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_text, N_("Width in pixels (default 1920)"),
      N_("PIXELS") },
    { "height", 0, 0, G_OPTION_ARG_STRING, &height_text, N_("Height in pixels (default 1080)"),
      N_("PIXELS") },
    { "style", 's', 0, G_OPTION_ARG_STRING, &style_text,
      N_("light (default), dark, high-contrast or projector"), N_("STYLE") },
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year_text,
      N_("The fiscal year (default: the current one)"), N_("YEAR") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day the burn-up has reached (default: today)"), N_("YYYY-MM-DD") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 1, 1, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (g_str_equal (charts[i].name, args[0]))
      draw = charts[i].draw;
  if (draw == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown chart “%s”: use funnel, attainment, burnup, ranking, heatmap or "
                     "kpis"), args[0]);
      return FALSE;
    }
  if (output == NULL)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("Missing option %s"), "--output");
      return FALSE;
    }
  lower = g_ascii_strdown (output, -1);
  if (g_str_has_suffix (lower, ".png"))
    format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    format = FORMAT_PDF;
  else
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Cannot tell the image format of “%s”: name it .png, .svg or .pdf"), output);
      return FALSE;
    }
  if (!parse_size ("--width", width_text, &width, error)
      || !parse_size ("--height", height_text, &height, error))
    return FALSE;
  if (style_text != NULL && !sp_chart_palette_from_string (style_text, &palette))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Unknown style “%s”: use light, dark, high-contrast or projector"),
                   style_text);
      return FALSE;
    }
  g_date_clear (&ctx.today, 1);
  if (today_text != NULL && !sp_date_parse_iso (today_text, &ctx.today))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid date “%s”: expected YYYY-MM-DD"), today_text);
      return FALSE;
    }
  if (today_text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&ctx.today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }
  if (year_text != NULL && !sp_cli_parse_year ("--year", year_text, &ctx.year, error))
    return FALSE;
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_EXISTS,
                   _("The file “%s” already exists; use --force to replace it"), output);
      return FALSE;
    }

  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  preferences = sp_preferences_new (store);
  calendar = sp_preferences_dup_calendar (preferences);
  ctx.store = store;
  ctx.calendar = calendar;
  ctx.currency = sp_preferences_get_currency (preferences);
  if (year_text == NULL)
    ctx.year = sp_calendar_fiscal_year_of (calendar, &ctx.today);
  g_date_clear (&ctx.first, 1);
  g_date_clear (&ctx.last, 1);
  sp_calendar_fiscal_year_range (calendar, ctx.year, &ctx.first, &ctx.last);

  sp_chart_style_init (&style, palette);

  switch (format)
    {
    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_cb, bytes, width, height);
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, width, height);
      break;
    case FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, style.background.red, style.background.green, style.background.blue);
  cairo_paint (cr);
  ok = draw (&ctx, cr, &style, width, height, error);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (ok && status == CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_flush (surface);
      if (format == FORMAT_PNG)
        status = cairo_surface_write_to_png_stream (surface, append_cb, bytes);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  /* Written at once (a temporary file renamed over @output): never half an image. */
  if (!g_file_set_contents (output, (const char *) bytes->data, (gssize) bytes->len, error))
    return FALSE;
  g_print (_("Wrote %s (%d × %d)"), output, width, height);
  g_print ("\n");
  return TRUE;
}
