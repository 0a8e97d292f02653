/* sp-report-builder.c — the meeting report of one fiscal year, from the workspace
 *
 * Each chart's plain data is built here from the sp_metrics_* figures of one fiscal year, for
 * the CLI's render and report commands and the app's Export Report alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sp-attainment-chart.h"
#include "sp-burnup-chart.h"
#include "sp-chart-scale.h"
#include "sp-funnel-chart.h"
#include "sp-heatmap-chart.h"
#include "sp-kpi-tile.h"
#include "sp-ranking-chart.h"
#include "sp-report-builder.h"

struct _SpReportSource
{
  gatomicrefcount   ref_count;
  SpStore          *store;
  SpPreferences    *preferences;
  SpCalendar       *calendar;
  const SpCurrency *currency;
  int               year;
  GDate             first;    /* the fiscal year */
  GDate             last;
  GDate             today;
};

typedef gboolean (*DrawFunc) (SpReportSource      *ctx,
                              cairo_t             *cr,
                              const SpChartStyle  *style,
                              double               width,
                              double               height,
                              const char          *title,
                              GError             **error);

static double
rate_or_nan (SpRate rate)
{
  return sp_metrics_rate_to_double (rate);
}

static void
month_filter (SpReportSource  *ctx,
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
draw_funnel (SpReportSource      *ctx,
             cairo_t             *cr,
             const SpChartStyle  *style,
             double               width,
             double               height,
             const char          *title,
             GError             **error)
{
  g_autoptr(SpMetricsFunnel) funnel = NULL;
  g_autofree SpFunnelStage *stages = NULL;
  g_autofree char *lost = NULL;
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

      /* The cohort funnel, as the Funnel view draws it: of the opportunities created in
       * the period, those that reached each stage by its end. */
      stages[i].label = stage->name;
      stages[i].count = stage->cohort_count;
      stages[i].amount = stage->cohort_amount;
      stages[i].conversion = i > 0 ? rate_or_nan (funnel->stages[i - 1].cohort_conversion) : NAN;
      stages[i].mean_days = rate_or_nan (stage->days_in_stage);
    }
  if (funnel->cohort_lost > 0)
    {
      g_autofree char *amount = sp_money_format (funnel->cohort_lost_amount, ctx->currency,
                                                 SP_MONEY_FORMAT_DEFAULT);

      /* Translators: the opportunities of the funnel's cohort lost by the period's end, shown
       * under the funnel: "Lost 2 (¥270.00)" */
      lost = g_strdup_printf (_("Lost %lld (%s)"), (long long) funnel->cohort_lost, amount);
    }
  data.note = lost;
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
draw_attainment (SpReportSource      *ctx,
                 cairo_t             *cr,
                 const SpChartStyle  *style,
                 double               width,
                 double               height,
                 const char          *title,
             GError             **error)
{
  SpAttainmentItem items[12];
  char labels[12][16];
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
draw_burnup (SpReportSource      *ctx,
             cairo_t             *cr,
             const SpChartStyle  *style,
             double               width,
             double               height,
             const char          *title,
             GError             **error)
{
  g_autoptr(GArray) series = NULL;
  g_autofree gint64 *daily = NULL;
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
draw_ranking (SpReportSource      *ctx,
              cairo_t             *cr,
              const SpChartStyle  *style,
              double               width,
              double               height,
              const char          *title,
             GError             **error)
{
  g_autoptr(GPtrArray) ranking = NULL;
  g_autofree SpRankingItem *items = NULL;
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
draw_heatmap (SpReportSource      *ctx,
              cairo_t             *cr,
              const SpChartStyle  *style,
              double               width,
              double               height,
              const char          *title,
             GError             **error)
{
  g_autoptr(SpMetricsHeatmap) heatmap = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = NULL;
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
kpi_values (SpReportSource        *ctx,
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
draw_kpis (SpReportSource      *ctx,
           cairo_t             *cr,
           const SpChartStyle  *style,
           double               width,
           double               height,
           const char          *title,
             GError             **error)
{
  static const SpMetricKind kinds[6] = {
    SP_METRIC_EFFECTIVE_LEADS, SP_METRIC_EFFECTIVE_OPPORTUNITIES, SP_METRIC_WIN_RATE,
    SP_METRIC_WIN_CYCLE, SP_METRIC_AVERAGE_DEAL_SIZE, SP_METRIC_COLLECTION_RATE,
  };
  double current[6], previous[6], points[6][12];
  SpMetricsFilter filter;
  GDate first, last;

  (void) title;

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
} charts[SP_REPORT_N_CHARTS] = {
  [SP_REPORT_CHART_FUNNEL] = { "funnel", draw_funnel },
  [SP_REPORT_CHART_ATTAINMENT] = { "attainment", draw_attainment },
  [SP_REPORT_CHART_BURNUP] = { "burnup", draw_burnup },
  [SP_REPORT_CHART_RANKING] = { "ranking", draw_ranking },
  [SP_REPORT_CHART_HEATMAP] = { "heatmap", draw_heatmap },
  [SP_REPORT_CHART_KPIS] = { "kpis", draw_kpis },
};

SpReportSource *
sp_report_source_new (SpStore     *store,
                      int          year,
                      const GDate *today)
{
  SpReportSource *source = g_new0 (SpReportSource, 1);

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  g_atomic_ref_count_init (&source->ref_count);
  source->store = g_object_ref (store);
  source->preferences = sp_preferences_new (store);
  source->calendar = sp_preferences_dup_calendar (source->preferences);
  source->currency = sp_preferences_get_currency (source->preferences);
  g_date_clear (&source->today, 1);
  if (today != NULL && g_date_valid (today))
    source->today = *today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&source->today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }
  source->year = year != 0 ? year : sp_calendar_fiscal_year_of (source->calendar, &source->today);
  g_date_clear (&source->first, 1);
  g_date_clear (&source->last, 1);
  sp_calendar_fiscal_year_range (source->calendar, source->year, &source->first, &source->last);
  return source;
}

SpReportSource *
sp_report_source_ref (SpReportSource *source)
{
  g_atomic_ref_count_inc (&source->ref_count);
  return source;
}

void
sp_report_source_unref (SpReportSource *source)
{
  if (source == NULL || !g_atomic_ref_count_dec (&source->ref_count))
    return;
  g_clear_pointer (&source->calendar, sp_calendar_free);
  g_clear_object (&source->preferences);
  g_clear_object (&source->store);
  g_free (source);
}

int
sp_report_source_get_year (SpReportSource *source)
{
  return source->year;
}

gboolean
sp_report_chart_kind_from_string (const char        *text,
                                  SpReportChartKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (g_strcmp0 (charts[i].name, text) == 0)
      {
        *out = (SpReportChartKind) i;
        return TRUE;
      }
  return FALSE;
}

char *
sp_report_chart_get_title (SpReportChartKind kind,
                           int               year)
{
  switch (kind)
    {
    case SP_REPORT_CHART_FUNNEL:
      return g_strdup_printf (_("Sales funnel, fiscal year %d"), year);
    case SP_REPORT_CHART_ATTAINMENT:
      return g_strdup_printf (_("Attainment by month, fiscal year %d"), year);
    case SP_REPORT_CHART_BURNUP:
      return g_strdup_printf (_("Burn-up, fiscal year %d"), year);
    case SP_REPORT_CHART_RANKING:
      return g_strdup_printf (_("Rep ranking, fiscal year %d"), year);
    case SP_REPORT_CHART_HEATMAP:
      return g_strdup_printf (_("Revenue by region and month, fiscal year %d"), year);
    case SP_REPORT_CHART_KPIS:
    default:
      return g_strdup_printf (_("Key success factors, fiscal year %d"), year);
    }
}

gboolean
sp_report_source_draw_chart (SpReportSource     *source,
                             SpReportChartKind   kind,
                             const char         *title,
                             cairo_t            *cr,
                             const SpChartStyle *style,
                             double              width,
                             double              height,
                             GError            **error)
{
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail ((guint) kind < SP_REPORT_N_CHARTS, FALSE);

  return charts[kind].draw (source, cr, style, width, height, title, error);
}

/* The report */

typedef struct
{
  SpReportSource    *source;
  SpReportChartKind  kind;
} ChartClosure;

static void
chart_closure_free (gpointer data)
{
  ChartClosure *closure = data;

  sp_report_source_unref (closure->source);
  g_free (closure);
}

static gboolean
draw_chart_cb (cairo_t             *cr,
               const SpChartStyle  *style,
               double               width,
               double               height,
               gpointer             user_data,
               GError             **error)
{
  ChartClosure *closure = user_data;

  return sp_report_source_draw_chart (closure->source, closure->kind, NULL, cr, style, width,
                                      height, error);
}

static char *
period_label (SpReportSource    *source,
              SpBreakdownPeriod  period,
              guint              index)
{
  GDate first, last;
  char text[32];

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  switch (period)
    {
    case SP_BREAKDOWN_PERIOD_MONTH:
      sp_calendar_month_range (source->calendar, source->year, index, &first, &last);
      g_date_strftime (text, sizeof text, "%Y-%m", &first);
      return g_strdup (text);
    case SP_BREAKDOWN_PERIOD_QUARTER:
      /* TRANSLATORS: a fiscal quarter in the report's table, "Q1" */
      return g_strdup_printf (_("Q%u"), index + 1);
    case SP_BREAKDOWN_PERIOD_YEAR:
    case SP_BREAKDOWN_PERIOD_WEEK:
    case SP_BREAKDOWN_PERIOD_DAY:
    default:
      return g_strdup_printf ("%d", source->year);
    }
}

/* Region × period targets from the breakdown; FALSE with @error only on a failure to read. */
static gboolean
add_breakdown_table (SpReport          *report,
                     SpReportSource    *source,
                     SpPlan            *plan,
                     SpBreakdownPeriod  period,
                     GError           **error)
{
  g_autoptr(SpBreakdown) breakdown = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) numeric = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autofree char *title = NULL;
  SpReportTable *table;
  guint n_periods;
  gboolean yes = TRUE, no = FALSE;

  if (period == SP_BREAKDOWN_PERIOD_QUARTER)
    title = g_strdup (_("Targets by region and quarter"));
  else if (period == SP_BREAKDOWN_PERIOD_YEAR)
    title = g_strdup (_("Targets by region for the year"));
  else
    title = g_strdup (_("Targets by region and month"));
  if (plan == NULL)
    {
      table = sp_report_add_table (report, title, 1, (const char *[]) { "" }, NULL);
      sp_report_table_set_note (table, _("There is no plan for this fiscal year."));
      return TRUE;
    }
  breakdown = sp_breakdown_new (source->store, sp_plan_get_id (plan), error);
  if (breakdown == NULL)
    return FALSE;
  if (sp_breakdown_is_empty (breakdown))
    {
      table = sp_report_add_table (report, title, 1, (const char *[]) { "" }, NULL);
      sp_report_table_set_note (table, _("The plan has not been broken down yet."));
      return TRUE;
    }

  regions = sp_region_list (source->store, error);
  if (regions == NULL)
    return FALSE;
  members = sp_breakdown_get_members (breakdown, SP_BREAKDOWN_DIMENSION_REGION);
  g_ptr_array_add (headers, g_strdup (sp_breakdown_period_get_display_name (period)));
  g_array_append_val (numeric, no);
  for (guint m = 0; m < members->len; m++)
    {
      gint64 id = g_array_index (members, gint64, m);
      char *name = NULL;

      for (guint r = 0; r < g_list_model_get_n_items (regions) && name == NULL; r++)
        {
          g_autoptr(SpRegion) region = g_list_model_get_item (regions, r);

          if (sp_region_get_id (region) == id)
            name = g_strdup (sp_region_get_name (region));
        }
      g_ptr_array_add (headers, name != NULL ? name : g_strdup_printf ("#%" G_GINT64_FORMAT, id));
      g_array_append_val (numeric, yes);
    }
  /* TRANSLATORS: the last column of the report's targets table: the team's amount */
  g_ptr_array_add (headers, g_strdup (_("Team")));
  g_array_append_val (numeric, yes);

  table = sp_report_add_table (report, title, headers->len,
                               (const char * const *) headers->pdata,
                               (const gboolean *) numeric->data);
  if (sp_breakdown_is_stale (breakdown))
    sp_report_table_set_note (table, _("The calendar or the team changed since the plan was "
                                       "broken down: break it down again."));
  n_periods = sp_breakdown_get_n_periods (breakdown, period);
  /* The periods, then the year's total (unless the rows are the year already). */
  for (guint p = 0; p <= n_periods; p++)
    {
      g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
      SpBreakdownPeriod kind = period;
      guint index = p;
      SpBreakdownCell cell;

      if (p == n_periods)
        {
          if (period == SP_BREAKDOWN_PERIOD_YEAR)
            break;
          kind = SP_BREAKDOWN_PERIOD_YEAR;
          index = 0;
          /* TRANSLATORS: the last row of the report's targets table */
          g_ptr_array_add (row, g_strdup (_("Total")));
        }
      else
        g_ptr_array_add (row, period_label (source, period, p));
      for (guint m = 0; m < members->len; m++)
        {
          if (!sp_breakdown_get_cell (breakdown, SP_BREAKDOWN_DIMENSION_REGION,
                                      g_array_index (members, gint64, m), kind, index, &cell,
                                      error))
            return FALSE;
          g_ptr_array_add (row, sp_money_format (cell.amount, source->currency,
                                                 SP_MONEY_FORMAT_NO_SYMBOL));
        }
      if (!sp_breakdown_get_cell (breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, kind, index, &cell,
                                  error))
        return FALSE;
      g_ptr_array_add (row, sp_money_format (cell.amount, source->currency,
                                             SP_MONEY_FORMAT_NO_SYMBOL));
      sp_report_table_add_row (table, (const char * const *) row->pdata);
    }
  return TRUE;
}

static void
add_figure (SpReport       *report,
            SpReportSource *source,
            const char     *label,
            gint64          amount)
{
  g_autofree char *value = sp_money_format (amount, source->currency, SP_MONEY_FORMAT_DEFAULT);

  sp_report_add_figure (report, label, value);
}

SpReport *
sp_report_build (SpReportSource     *source,
                 SpBreakdownPeriod   period,
                 GError            **error)
{
  g_autoptr(SpReport) report = NULL;
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  SpMetricsFilter filter;
  SpMetricsAttainment attainment;
  char day[16];

  g_return_val_if_fail (source != NULL, NULL);

  plans = sp_plan_list (source->store, error);
  if (plans == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (plans) && plan == NULL; i++)
    {
      g_autoptr(SpPlan) item = g_list_model_get_item (plans, i);

      if (sp_plan_get_fiscal_year (item) == source->year && *sp_plan_get_team (item) == '\0')
        plan = g_steal_pointer (&item);
    }

  /* TRANSLATORS: the PDF report's title */
  title = g_strdup_printf (_("Sales plan, fiscal year %d"), source->year);
  g_date_strftime (day, sizeof day, "%Y-%m-%d", &source->first);
  from = g_strdup (day);
  g_date_strftime (day, sizeof day, "%Y-%m-%d", &source->last);
  to = g_strdup (day);
  g_date_strftime (day, sizeof day, "%Y-%m-%d", &source->today);
  /* TRANSLATORS: the PDF report's subtitle: the fiscal year's days and the report's day */
  subtitle = g_strdup_printf (_("%s – %s · as of %s"), from, to, day);
  report = sp_report_new (title, subtitle);

  sp_metrics_filter_init (&filter, &source->first, &source->last);
  if (!sp_metrics_get_attainment (source->store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                  &attainment, error))
    return NULL;
  if (plan != NULL)
    {
      add_figure (report, source, _("Target"), sp_plan_get_target (plan));
      add_figure (report, source, _("Sprint target"), sp_plan_get_sprint (plan));
      add_figure (report, source, _("Challenge target"), sp_plan_get_challenge (plan));
      add_figure (report, source, _("Last year’s actual"), sp_plan_get_last_year_actual (plan));
    }
  add_figure (report, source, _("Actual to date"), attainment.actual);

  if (!add_breakdown_table (report, source, plan, period, error))
    return NULL;

  for (guint k = 0; k < SP_REPORT_N_CHARTS; k++)
    {
      static const SpReportChartKind order[SP_REPORT_N_CHARTS] = {
        SP_REPORT_CHART_KPIS, SP_REPORT_CHART_ATTAINMENT, SP_REPORT_CHART_BURNUP,
        SP_REPORT_CHART_FUNNEL, SP_REPORT_CHART_RANKING, SP_REPORT_CHART_HEATMAP,
      };
      ChartClosure *closure = g_new0 (ChartClosure, 1);
      g_autofree char *chart_title = sp_report_chart_get_title (order[k], source->year);

      closure->source = sp_report_source_ref (source);
      closure->kind = order[k];
      sp_report_add_chart (report, chart_title, draw_chart_cb, closure, chart_closure_free);
    }
  return g_steal_pointer (&report);
}
