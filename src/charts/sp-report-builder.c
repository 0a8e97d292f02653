/* sp-report-builder.c — the meeting report of one fiscal year, from the workspace
 *
 * Each chart's data comes from sp-chart-sources.c, as on the Dashboard and Funnel pages, for
 * the CLI's render and report commands and the app's Export Report alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sp-chart-sources.h"
#include "sp-report-builder.h"

struct _SpReportSource
{
  gatomicrefcount    ref_count;
  SpStore           *store;
  SpPreferences     *preferences;
  SpCalendar        *calendar;
  const SpCurrency  *currency;
  int                year;
  GDate              first;    /* the fiscal year */
  GDate              last;
  GDate              today;
  SpChartPeriodKind  period;   /* what the charts show: the fiscal year, unless told */
  SpMetricsFilter    filter;
};

static void
chart_source (SpReportSource *ctx,
              SpChartSource  *out)
{
  *out = (SpChartSource) {
    .store = ctx->store,
    .currency = ctx->currency,
    .calendar = ctx->calendar,
    .today = ctx->today,
  };
}

static void
kpis_free (gpointer data)
{
  g_ptr_array_unref (data);
}

gpointer
sp_report_source_build_chart (SpReportSource     *source,
                              SpReportChartKind   kind,
                              GDestroyNotify     *destroy,
                              GError            **error)
{
  SpChartSource ctx;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (destroy != NULL, NULL);

  chart_source (source, &ctx);
  switch (kind)
    {
    case SP_REPORT_CHART_FUNNEL:
      *destroy = (GDestroyNotify) sp_funnel_chart_free;
      return sp_chart_sources_cohort_funnel (&ctx, &source->filter, SP_FUNNEL_MODE_COUNT, error);
    case SP_REPORT_CHART_ATTAINMENT:
      *destroy = (GDestroyNotify) sp_pair_chart_free;
      return sp_chart_sources_attainment (&ctx, source->period, &source->filter, error);
    case SP_REPORT_CHART_BURNUP:
      *destroy = (GDestroyNotify) sp_burnup_chart_free;
      return sp_chart_sources_burnup (&ctx, source->period, &source->filter, error);
    case SP_REPORT_CHART_RANKING:
      *destroy = (GDestroyNotify) sp_pair_chart_free;
      return sp_chart_sources_ranking (&ctx, source->period, &source->filter, error);
    case SP_REPORT_CHART_HEATMAP:
      *destroy = (GDestroyNotify) sp_heatmap_chart_free;
      return sp_chart_sources_heatmap (&ctx, source->period, &source->filter, error);
    case SP_REPORT_CHART_KPIS:
    default:
      *destroy = kpis_free;
      return sp_chart_sources_kpis (&ctx, source->period, &source->filter, error);
    }
}

static void
draw_kpis (GPtrArray          *tiles,
           cairo_t            *cr,
           const SpChartStyle *style,
           double              width,
           double              height)
{
  /* Three tiles by two, as on the dashboard. */
  for (guint k = 0; k < tiles->len; k++)
    {
      double tile_w = width / 3, tile_h = height / 2;
      SpKpiTileData data;

      sp_kpi_chart_get_data (tiles->pdata[k], &data);
      cairo_save (cr);
      cairo_translate (cr, floor ((k % 3) * tile_w), floor ((k / 3) * tile_h));
      cairo_rectangle (cr, 0, 0, ceil (tile_w), ceil (tile_h));
      cairo_clip (cr);
      sp_kpi_tile_draw (cr, &data, style, floor (tile_w), floor (tile_h));
      cairo_restore (cr);
    }
}

static const char * const chart_names[SP_REPORT_N_CHARTS] = {
  [SP_REPORT_CHART_FUNNEL] = "funnel",
  [SP_REPORT_CHART_ATTAINMENT] = "attainment",
  [SP_REPORT_CHART_BURNUP] = "burnup",
  [SP_REPORT_CHART_RANKING] = "ranking",
  [SP_REPORT_CHART_HEATMAP] = "heatmap",
  [SP_REPORT_CHART_KPIS] = "kpis",
};

static SpReportSource *
source_new (SpStore     *store,
            const GDate *today)
{
  SpReportSource *source = g_new0 (SpReportSource, 1);

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
  g_date_clear (&source->first, 1);
  g_date_clear (&source->last, 1);
  return source;
}

SpReportSource *
sp_report_source_new (SpStore     *store,
                      int          year,
                      const GDate *today)
{
  SpReportSource *source;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);

  source = source_new (store, today);
  source->year = year != 0 ? year : sp_calendar_fiscal_year_of (source->calendar, &source->today);
  sp_calendar_fiscal_year_range (source->calendar, source->year, &source->first, &source->last);
  source->period = SP_CHART_PERIOD_YEAR;
  sp_metrics_filter_init (&source->filter, &source->first, &source->last);
  return source;
}

SpReportSource *
sp_report_source_new_for_period (SpStore               *store,
                                 SpChartPeriodKind      period,
                                 const SpMetricsFilter *filter,
                                 const GDate           *today)
{
  SpReportSource *source;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  source = source_new (store, today);
  source->year = sp_calendar_fiscal_year_of (source->calendar, &filter->from);
  sp_calendar_fiscal_year_range (source->calendar, source->year, &source->first, &source->last);
  source->period = period;
  source->filter = *filter;
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
  for (guint i = 0; i < G_N_ELEMENTS (chart_names); i++)
    if (g_strcmp0 (chart_names[i], text) == 0)
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
      return g_strdup_printf (_("Attainment by region, fiscal year %d"), year);
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
  GDestroyNotify destroy = NULL;
  gpointer chart;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail ((guint) kind < SP_REPORT_N_CHARTS, FALSE);

  chart = sp_report_source_build_chart (source, kind, &destroy, error);
  if (chart == NULL)
    return FALSE;
  switch (kind)
    {
    case SP_REPORT_CHART_FUNNEL:
      {
        SpFunnelData data;
        g_autofree SpFunnelStage *stages = sp_funnel_chart_get_data (chart, title, &data);

        sp_funnel_chart_draw (cr, &data, style, width, height);
      }
      break;
    case SP_REPORT_CHART_ATTAINMENT:
      {
        SpAttainmentData data;
        g_autofree SpAttainmentItem *items = sp_pair_chart_get_attainment_data (chart, title,
                                                                                &data);

        sp_attainment_chart_draw (cr, &data, style, width, height);
      }
      break;
    case SP_REPORT_CHART_BURNUP:
      {
        SpBurnupData data;

        sp_burnup_chart_get_data (chart, title, &data);
        sp_burnup_chart_draw (cr, &data, style, width, height);
      }
      break;
    case SP_REPORT_CHART_RANKING:
      {
        SpRankingData data;
        g_autofree SpRankingItem *items = sp_pair_chart_get_ranking_data (chart, title, &data);

        sp_ranking_chart_draw (cr, &data, style, width, height);
      }
      break;
    case SP_REPORT_CHART_HEATMAP:
      {
        SpHeatmapData data;

        sp_heatmap_chart_get_data (chart, title, &data);
        sp_heatmap_chart_draw (cr, &data, style, width, height);
      }
      break;
    case SP_REPORT_CHART_KPIS:
    default:
      draw_kpis (chart, cr, style, width, height);
      break;
    }
  destroy (chart);
  return TRUE;
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
