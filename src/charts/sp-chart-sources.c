/* sp-chart-sources.c — the model's figures as chart data, for every chart path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sp-chart-sources.h"

/* Periods */

void
sp_chart_period_range (const SpCalendar  *calendar,
                       SpChartPeriodKind  kind,
                       const GDate       *day,
                       guint              back,
                       GDate             *first,
                       GDate             *last)
{
  int year = sp_calendar_fiscal_year_of (calendar, day);
  guint month = sp_calendar_fiscal_month_index (calendar, day);
  int absolute;

  g_date_clear (first, 1);
  g_date_clear (last, 1);
  switch (kind)
    {
    case SP_CHART_PERIOD_MONTH:
      absolute = year * 12 + (int) month - (int) back;
      sp_calendar_month_range (calendar, absolute / 12, absolute % 12, first, last);
      break;
    case SP_CHART_PERIOD_QUARTER:
      absolute = year * 4 + (int) sp_calendar_quarter_of_month (month) - (int) back;
      sp_calendar_quarter_range (calendar, absolute / 4, absolute % 4, first, last);
      break;
    case SP_CHART_PERIOD_YEAR:
    default:
      sp_calendar_fiscal_year_range (calendar, year - (int) back, first, last);
      break;
    }
}

static char *
fiscal_year_name (int year)
{
  /* Translators: a fiscal year, e.g. "FY2026"; Chinese: "%d财年" */
  return g_strdup_printf (_("FY%d"), year);
}

char *
sp_chart_period_dup_name (const SpCalendar  *calendar,
                          SpChartPeriodKind  kind,
                          const GDate       *day,
                          guint              back)
{
  g_autofree char *fy = NULL;
  GDate first, last;
  char text[64];
  int year;

  sp_chart_period_range (calendar, kind, day, back, &first, &last);
  year = sp_calendar_fiscal_year_of (calendar, &first);
  fy = fiscal_year_name (year);
  switch (kind)
    {
    case SP_CHART_PERIOD_MONTH:
      /* Translators: a month (strftime format): "Sep 2026"; zh_CN: "2026年9月" */
      if (g_date_strftime (text, sizeof text, _("%b %Y"), &first) == 0)
        text[0] = '\0';
      return g_strdup (text);
    case SP_CHART_PERIOD_QUARTER:
      /* Translators: a fiscal quarter: "Q3 FY2026"; the second %s is "FY2026" */
      return g_strdup_printf (_("Q%u %s"),
                              sp_calendar_quarter_of_month (
                                sp_calendar_fiscal_month_index (calendar, &first)) + 1, fy);
    case SP_CHART_PERIOD_YEAR:
    default:
      return g_steal_pointer (&fy);
    }
}

static char *
period_name (const SpChartSource   *source,
             SpChartPeriodKind      kind,
             const SpMetricsFilter *filter)
{
  return sp_chart_period_dup_name (source->calendar, kind, &filter->from, 0);
}

/* KPI tiles */

static const struct
{
  SpMetricKind     kind;
  SpChartValueKind value_kind;
  gboolean         lower_is_better;
} kpi_info[SP_CHART_N_KPIS] = {
  { SP_METRIC_EFFECTIVE_LEADS, SP_CHART_VALUE_COUNT, FALSE },
  { SP_METRIC_EFFECTIVE_OPPORTUNITIES, SP_CHART_VALUE_COUNT, FALSE },
  { SP_METRIC_WIN_RATE, SP_CHART_VALUE_RATIO, FALSE },
  /* Fewer days from opportunity to won is better: a falling win cycle is good news. */
  { SP_METRIC_WIN_CYCLE, SP_CHART_VALUE_DAYS, TRUE },
  { SP_METRIC_AVERAGE_DEAL_SIZE, SP_CHART_VALUE_MONEY, FALSE },
  { SP_METRIC_COLLECTION_RATE, SP_CHART_VALUE_RATIO, FALSE },
};

static double
kpi_value (const SpMetricsKpis *kpis,
           SpMetricKind         kind)
{
  if (kind == SP_METRIC_EFFECTIVE_LEADS)
    return (double) kpis->effective_leads;
  if (kind == SP_METRIC_EFFECTIVE_OPPORTUNITIES)
    return (double) kpis->effective_opportunities;
  if (kind == SP_METRIC_WIN_RATE)
    return sp_metrics_rate_to_double (kpis->win_rate);
  if (kind == SP_METRIC_WIN_CYCLE)
    return sp_metrics_rate_to_double (kpis->win_cycle);
  if (kind == SP_METRIC_AVERAGE_DEAL_SIZE)
    return kpis->average_deal_size.defined ? (double) kpis->average_deal_size.value : NAN;
  if (kind == SP_METRIC_COLLECTION_RATE)
    return sp_metrics_rate_to_double (kpis->collection_rate);
  return NAN;
}

GPtrArray *
sp_chart_sources_kpis (const SpChartSource    *source,
                       SpChartPeriodKind       kind,
                       const SpMetricsFilter  *filter,
                       GError                **error)
{
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_kpi_chart_free);
  SpMetricsKpis kpis[SP_CHART_N_SPARK];
  char *names[SP_CHART_N_SPARK] = { NULL };
  gboolean ok = TRUE;

  /* Oldest first: slot SP_CHART_N_SPARK - 1 is the current period. */
  for (guint back = 0; back < SP_CHART_N_SPARK && ok; back++)
    {
      guint slot = SP_CHART_N_SPARK - 1 - back;
      SpMetricsFilter period = *filter;

      sp_chart_period_range (source->calendar, kind, &filter->from, back, &period.from,
                             &period.to);
      if (back == 0)
        period = *filter;
      names[slot] = sp_chart_period_dup_name (source->calendar, kind, &filter->from, back);
      ok = sp_metrics_get_kpis (source->store, &period, &kpis[slot], error);
    }

  for (guint i = 0; i < SP_CHART_N_KPIS && ok; i++)
    {
      SpKpiChart *chart = sp_kpi_chart_new (source->currency);

      chart->name = g_strdup (sp_metric_get_name (kpi_info[i].kind));
      chart->definition = g_strdup (sp_metric_get_definition (kpi_info[i].kind));
      chart->undefined_reason = g_strdup (sp_metric_get_undefined_reason (kpi_info[i].kind));
      chart->value_kind = kpi_info[i].value_kind;
      chart->lower_is_better = kpi_info[i].lower_is_better;
      for (guint slot = 0; slot < SP_CHART_N_SPARK; slot++)
        {
          double value = kpi_value (&kpis[slot], kpi_info[i].kind);

          g_array_append_val (chart->points, value);
          g_ptr_array_add (chart->point_labels, g_strdup (names[slot]));
        }
      chart->value = g_array_index (chart->points, double, SP_CHART_N_SPARK - 1);
      chart->previous = g_array_index (chart->points, double, SP_CHART_N_SPARK - 2);
      g_ptr_array_add (tiles, chart);
    }

  for (guint slot = 0; slot < SP_CHART_N_SPARK; slot++)
    g_free (names[slot]);
  return ok ? g_steal_pointer (&tiles) : NULL;
}

/* Attainment and ranking */

SpPairChart *
sp_chart_sources_attainment (const SpChartSource    *source,
                             SpChartPeriodKind       kind,
                             const SpMetricsFilter  *filter,
                             GError                **error)
{
  g_autoptr(SpPairChart) chart = sp_pair_chart_new (source->currency);

  if (filter->rep_id == 0 && filter->region_id == 0)
    {
      g_autoptr(GListModel) regions = sp_region_list (source->store, error);

      if (regions == NULL)
        return NULL;
      chart->title = g_strdup (_("Attainment by Region"));
      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(SpRegion) region = g_list_model_get_item (regions, i);
          SpMetricsFilter by_region = *filter;
          SpMetricsAttainment attainment;

          by_region.region_id = sp_region_get_id (region);
          if (!sp_metrics_get_attainment (source->store, &by_region,
                                          SP_METRICS_ACTUAL_WORKLOG_REVENUE, &attainment, error))
            return NULL;
          sp_pair_chart_add (chart, sp_region_get_name (region), attainment.target,
                             attainment.actual);
        }
    }
  else
    {
      g_autoptr(GPtrArray) ranking = sp_metrics_get_ranking (source->store, filter,
                                                             SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                                             SP_METRICS_RANK_BY_ACTUAL, error);

      if (ranking == NULL)
        return NULL;
      chart->title = g_strdup (_("Attainment by Rep"));
      for (guint i = 0; i < ranking->len; i++)
        {
          const SpMetricsRankEntry *entry = ranking->pdata[i];

          sp_pair_chart_add (chart, entry->name, entry->target, entry->actual);
        }
    }
  return g_steal_pointer (&chart);
}

SpPairChart *
sp_chart_sources_ranking (const SpChartSource    *source,
                          SpChartPeriodKind       kind,
                          const SpMetricsFilter  *filter,
                          GError                **error)
{
  g_autoptr(SpPairChart) chart = sp_pair_chart_new (source->currency);
  g_autoptr(GPtrArray) ranking = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autofree char *period = period_name (source, kind, filter);

  ranking = sp_metrics_get_ranking (source->store, filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                    SP_METRICS_RANK_BY_ACTUAL, error);
  if (ranking == NULL)
    return NULL;
  regions = sp_region_list (source->store, error);
  if (regions == NULL)
    return NULL;

  /* Translators: the ranking board (战报); %s is the period */
  chart->title = g_strdup_printf (_("Ranking, %s"), period);
  for (guint i = 0; i < ranking->len; i++)
    {
      const SpMetricsRankEntry *entry = ranking->pdata[i];
      const char *region = NULL;
      g_autofree char *label = NULL;

      for (guint r = 0; r < g_list_model_get_n_items (regions) && region == NULL; r++)
        {
          g_autoptr(SpRegion) item = g_list_model_get_item (regions, r);

          if (entry->region_id != 0 && sp_region_get_id (item) == entry->region_id)
            region = sp_region_get_name (item);
        }
      label = region != NULL
        /* Translators: a rep on the ranking board with their region, "张伟 · 华东区" */
        ? g_strdup_printf (_("%s · %s"), entry->name, region)
        : g_strdup (entry->name);
      sp_pair_chart_add (chart, label, entry->target, entry->actual);
    }
  return g_steal_pointer (&chart);
}

/* Burn-up */

SpBurnupChart *
sp_chart_sources_burnup (const SpChartSource    *source,
                         SpChartPeriodKind       kind,
                         const SpMetricsFilter  *filter,
                         GError                **error)
{
  g_autoptr(SpBurnupChart) chart = sp_burnup_chart_new (source->currency);
  g_autofree char *period = period_name (source, kind, filter);
  SpMetricsAttainment attainment;

  /* Translators: a chart title; %s is the period */
  chart->title = g_strdup_printf (_("Burn-up, %s"), period);
  chart->start = filter->from;
  chart->total_days = (guint) g_date_days_between (&filter->from, &filter->to) + 1;
  /* The elapsed days, decided here once: today counts as done; none before the period,
   * every day after it. */
  if (!g_date_valid (&source->today) || g_date_compare (&source->today, &filter->from) < 0)
    chart->elapsed_days = 0;
  else if (g_date_compare (&source->today, &filter->to) > 0)
    chart->elapsed_days = chart->total_days;
  else
    chart->elapsed_days = (guint) g_date_days_between (&filter->from, &source->today) + 1;

  if (!sp_metrics_get_attainment (source->store, filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                  &attainment, error))
    return NULL;
  chart->target = attainment.target;
  if (chart->elapsed_days > 0)
    {
      SpMetricsFilter to_date = *filter;
      g_autoptr(GArray) series = NULL;

      to_date.to = filter->from;
      g_date_add_days (&to_date.to, chart->elapsed_days - 1);
      series = sp_metrics_get_revenue_series (source->store, &to_date, SP_METRICS_STEP_DAY,
                                              error);
      if (series == NULL)
        return NULL;
      for (guint i = 0; i < chart->elapsed_days; i++)
        {
          gint64 value = i < series->len ? g_array_index (series, SpMetricsPoint, i).value : 0;

          g_array_append_val (chart->daily, value);
        }
    }
  return g_steal_pointer (&chart);
}

/* Heatmap */

SpHeatmapChart *
sp_chart_sources_heatmap (const SpChartSource    *source,
                          SpChartPeriodKind       kind,
                          const SpMetricsFilter  *filter,
                          GError                **error)
{
  g_autoptr(SpHeatmapChart) chart = sp_heatmap_chart_new (source->currency);
  g_autoptr(SpMetricsHeatmap) heatmap = NULL;
  g_autofree char *year_name = NULL;
  SpMetricsFilter year = *filter;
  int fiscal_year;

  /* The fiscal year of the period to date, whatever the period: one column per month. */
  fiscal_year = sp_calendar_fiscal_year_of (source->calendar, &filter->from);
  sp_calendar_fiscal_year_range (source->calendar, fiscal_year, &year.from, &year.to);
  if (g_date_valid (&source->today) && g_date_compare (&source->today, &year.to) < 0)
    year.to = source->today;
  year_name = fiscal_year_name (fiscal_year);
  /* Translators: a chart title; %s is the fiscal year, "FY2026" */
  chart->title = g_strdup_printf (_("Revenue by Region, %s"), year_name);
  if (g_date_compare (&year.to, &year.from) < 0)
    return g_steal_pointer (&chart);   /* the year has not started: no columns */

  heatmap = sp_metrics_get_region_heatmap (source->store, &year, error);
  if (heatmap == NULL)
    return NULL;
  /* Reps without a region: the model's row, named there. */
  for (guint r = 0; r < heatmap->n_regions; r++)
    g_ptr_array_add (chart->rows, g_strdup (heatmap->region_names[r]));
  for (guint c = 0; c < heatmap->n_months; c++)
    {
      char text[32];

      /* Translators: a month on a chart axis (strftime format): "Sep"; zh_CN: "9月" */
      if (g_date_strftime (text, sizeof text, _("%b"), &heatmap->months[c]) == 0)
        text[0] = '\0';
      g_ptr_array_add (chart->columns, g_strdup (text));
    }
  for (guint i = 0; i < heatmap->n_regions * heatmap->n_months; i++)
    {
      double value = (double) heatmap->values[i];

      g_array_append_val (chart->values, value);
    }
  return g_steal_pointer (&chart);
}

/* Funnels */

SpFunnelChart *
sp_chart_sources_cohort_funnel_from (const SpChartSource   *source,
                                     const SpMetricsFunnel *funnel,
                                     SpFunnelMode           mode)
{
  SpFunnelChart *chart = sp_funnel_chart_new (source->currency);

  chart->title = g_strdup (_("Pipeline by Stage"));
  chart->mode = mode;
  if (funnel == NULL)
    return chart;
  chart->cohort_size = funnel->cohort_size;
  chart->lost = funnel->cohort_lost;
  chart->lost_amount = funnel->cohort_lost_amount;
  if (chart->lost > 0)
    {
      g_autofree char *amount = sp_money_format (chart->lost_amount, source->currency,
                                                 SP_MONEY_FORMAT_DEFAULT);

      /* Translators: the opportunities of the funnel's cohort lost by the period's end, shown
       * under the funnel: "Lost 2 (¥270.00)" */
      chart->note = g_strdup_printf (_("Lost %lld (%s)"), (long long) chart->lost, amount);
    }
  for (guint i = 0; i < funnel->n_stages; i++)
    {
      const SpMetricsStage *stage = &funnel->stages[i];
      /* One cohort for every figure of a band (sp-metrics.h): what the opportunities
       * created in the period reached by its end, in count and amount mode alike. */
      SpFunnelChartStage row = {
        .label = g_strdup (stage->name),
        .count = stage->cohort_count,
        .amount = stage->cohort_amount,
        .open_count = -1,
        .weighted = 0,
        .conversion = sp_metrics_rate_to_double (stage->cohort_conversion),
        .mean_days = sp_metrics_rate_to_double (stage->days_in_stage),
      };

      g_array_append_val (chart->stages, row);
    }
  return chart;
}

SpFunnelChart *
sp_chart_sources_cohort_funnel (const SpChartSource    *source,
                                const SpMetricsFilter  *filter,
                                SpFunnelMode            mode,
                                GError                **error)
{
  g_autoptr(SpMetricsFunnel) funnel = sp_metrics_get_funnel (source->store, filter, NULL, error);

  if (funnel == NULL)
    return NULL;
  return sp_chart_sources_cohort_funnel_from (source, funnel, mode);
}

SpFunnelChart *
sp_chart_sources_activity_funnel (const SpChartSource    *source,
                                  const SpMetricsFilter  *filter,
                                  GError                **error)
{
  g_autoptr(SpFunnelChart) chart = sp_funnel_chart_new (source->currency);
  SpMetricsActivity activity;

  chart->title = g_strdup (sp_metric_get_name (SP_METRIC_ACTIVITY_FUNNEL));
  chart->mode = SP_FUNNEL_MODE_COUNT;
  chart->activity = TRUE;
  if (!sp_metrics_get_activity (source->store, filter, &activity, error))
    return NULL;
  for (guint i = 0; i < SP_WORKLOAD_N_STAGES; i++)
    {
      SpFunnelChartStage row = {
        .label = g_strdup (sp_workload_stage_get_name ((SpWorkloadStage) i)),
        .count = activity.sums[i],
        .open_count = -1,
        .conversion = i + 1 < SP_WORKLOAD_N_STAGES
                      ? sp_metrics_rate_to_double (activity.rates[i]) : NAN,
        .mean_days = NAN,
      };

      g_array_append_val (chart->stages, row);
    }
  return g_steal_pointer (&chart);
}

SpForecastChart *
sp_chart_sources_forecast_from (const SpChartSource   *source,
                                const SpMetricsFunnel *funnel)
{
  SpForecastChart *chart = sp_forecast_chart_new (source->currency);

  chart->title = g_strdup (sp_metric_get_name (SP_METRIC_WEIGHTED_FORECAST));
  for (guint i = 0; funnel != NULL && i < funnel->n_forecast; i++)
    {
      const SpMetricsForecastMonth *month = &funnel->forecast[i];
      SpForecastRow row = { NULL, month->count, month->amount, month->weighted };
      char title[64];

      if (month->year == 0)
        g_strlcpy (title, _("No expected close date"), sizeof title);
      else
        {
          GDate first;

          g_date_clear (&first, 1);
          g_date_set_dmy (&first, 1, month->month, month->year);
          /* Translators: a month (strftime format): "Sep 2026"; zh_CN: "2026年9月" */
          if (g_date_strftime (title, sizeof title, _("%b %Y"), &first) == 0)
            title[0] = '\0';
        }
      row.label = g_strdup (title);
      g_array_append_val (chart->rows, row);
    }
  return chart;
}
