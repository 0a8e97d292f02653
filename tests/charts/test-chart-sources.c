/* test-chart-sources.c — the rules sp-chart-sources decides once for every chart path, on
 * the demo workspace: periods and their names, the burn-up's elapsed days before, inside
 * and after the period, the heatmap's months to date, the KPI tiles' sparkline and
 * lower-is-better, the ranking's labels, the funnel's lost line and the forecast's rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sp-chart-sources.h"

typedef struct
{
  char          *dir;
  SpStore       *store;
  SpPreferences *preferences;
  SpCalendar    *calendar;
  SpChartSource  source;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GDate today;

  fixture->dir = g_dir_make_tmp ("sp-chart-sources-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "workspace.db", NULL);
  fixture->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_SEPTEMBER, 2026);
  sp_demo_generate (fixture->store, SP_DEMO_SIZE_DEMO, SP_DEMO_DEFAULT_SEED, &today, NULL, NULL,
                    NULL, &error);
  g_assert_no_error (error);
  fixture->preferences = sp_preferences_new (fixture->store);
  fixture->calendar = sp_preferences_dup_calendar (fixture->preferences);
  fixture->source = (SpChartSource) {
    .store = fixture->store,
    .currency = sp_preferences_get_currency (fixture->preferences),
    .calendar = fixture->calendar,
    .today = today,
  };
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "workspace.db", NULL);

  sp_calendar_free (fixture->calendar);
  g_object_unref (fixture->preferences);
  g_object_unref (fixture->store);
  g_remove (path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
period_filter (Fixture           *fixture,
               SpChartPeriodKind  kind,
               SpMetricsFilter   *filter)
{
  GDate first, last;

  sp_chart_period_range (fixture->calendar, kind, &fixture->source.today, 0, &first, &last);
  sp_metrics_filter_init (filter, &first, &last);
}

static void
test_periods (Fixture       *fixture,
              gconstpointer  data)
{
  const GDate *today = &fixture->source.today;
  GDate first, last;
  char text[16];
  struct { SpChartPeriodKind kind; guint back; const char *first, *last, *name; } cases[] = {
    { SP_CHART_PERIOD_MONTH, 0, "2026-09-01", "2026-09-30", "Sep 2026" },
    { SP_CHART_PERIOD_MONTH, 9, "2025-12-01", "2025-12-31", "Dec 2025" },
    { SP_CHART_PERIOD_QUARTER, 0, "2026-07-01", "2026-09-30", "Q3 FY2026" },
    { SP_CHART_PERIOD_QUARTER, 3, "2025-10-01", "2025-12-31", "Q4 FY2025" },
    { SP_CHART_PERIOD_YEAR, 0, "2026-01-01", "2026-12-31", "FY2026" },
    { SP_CHART_PERIOD_YEAR, 5, "2021-01-01", "2021-12-31", "FY2021" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = sp_chart_period_dup_name (fixture->calendar, cases[i].kind, today,
                                                        cases[i].back);

      sp_chart_period_range (fixture->calendar, cases[i].kind, today, cases[i].back, &first,
                             &last);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &first);
      g_assert_cmpstr (text, ==, cases[i].first);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &last);
      g_assert_cmpstr (text, ==, cases[i].last);
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_burnup_elapsed (Fixture       *fixture,
                     gconstpointer  data)
{
  struct { guint8 day; GDateMonth month; guint elapsed; } cases[] = {
    { 31, G_DATE_AUGUST, 0 },       /* before the period: nothing done */
    { 1, G_DATE_SEPTEMBER, 1 },     /* today counts as done */
    { 15, G_DATE_SEPTEMBER, 15 },
    { 30, G_DATE_SEPTEMBER, 30 },
    { 20, G_DATE_OCTOBER, 30 },     /* after it: every day */
  };
  SpMetricsFilter filter;

  period_filter (fixture, SP_CHART_PERIOD_MONTH, &filter);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpChartSource source = fixture->source;
      g_autoptr(SpBurnupChart) chart = NULL;
      g_autoptr(GError) error = NULL;
      SpBurnupLayout figures = { 0 };
      SpBurnupData burnup;
      gint64 sum = 0;

      g_date_set_dmy (&source.today, cases[i].day, cases[i].month, 2026);
      chart = sp_chart_sources_burnup (&source, SP_CHART_PERIOD_MONTH, &filter, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (chart->title, ==, "Burn-up, Sep 2026");
      g_assert_cmpuint (chart->total_days, ==, 30);
      g_assert_cmpuint (chart->elapsed_days, ==, cases[i].elapsed);
      g_assert_cmpuint (chart->daily->len, ==, cases[i].elapsed);
      g_assert_cmpint (chart->target, >, 0);

      /* The figures drawn are the burn-up chart's own over exactly those days. */
      sp_burnup_chart_get_data (chart, NULL, &burnup);
      g_assert_cmpuint (burnup.elapsed_days, ==, cases[i].elapsed);
      sp_burnup_compute_figures (&burnup, &figures);
      for (guint d = 0; d < chart->daily->len; d++)
        sum += g_array_index (chart->daily, gint64, d);
      g_assert_cmpint (figures.actual, ==, sum);
      g_assert_cmpuint (figures.remaining_days, ==, 30 - cases[i].elapsed);
      if (cases[i].elapsed > 0)
        g_assert_cmpint (figures.projected, ==, sp_money_scale (sum, 30, cases[i].elapsed));
    }
}

static void
test_heatmap_to_date (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep" };
  g_autoptr(SpHeatmapChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter;

  /* A month's heatmap is its fiscal year to today: January to September. */
  period_filter (fixture, SP_CHART_PERIOD_MONTH, &filter);
  chart = sp_chart_sources_heatmap (&fixture->source, SP_CHART_PERIOD_MONTH, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chart->title, ==, "Revenue by Region, FY2026");
  g_assert_cmpuint (chart->columns->len, ==, G_N_ELEMENTS (months));
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    g_assert_cmpstr (chart->columns->pdata[i], ==, months[i]);
  g_assert_cmpuint (chart->rows->len, ==, 3);
  g_assert_cmpuint (chart->values->len, ==, 3 * G_N_ELEMENTS (months));
  g_clear_pointer (&chart, sp_heatmap_chart_free);

  /* A past year is whole. */
  filter.from = fixture->source.today;
  g_date_set_dmy (&filter.from, 1, G_DATE_JANUARY, 2025);
  g_date_set_dmy (&filter.to, 31, G_DATE_DECEMBER, 2025);
  chart = sp_chart_sources_heatmap (&fixture->source, SP_CHART_PERIOD_YEAR, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chart->columns->len, ==, 12);
}

static void
test_kpis (Fixture       *fixture,
           gconstpointer  data)
{
  const char *labels[] = { "Apr 2026", "May 2026", "Jun 2026", "Jul 2026", "Aug 2026",
                           "Sep 2026" };
  g_autoptr(GPtrArray) tiles = NULL;
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter;
  SpMetricsKpis kpis;

  period_filter (fixture, SP_CHART_PERIOD_MONTH, &filter);
  tiles = sp_chart_sources_kpis (&fixture->source, SP_CHART_PERIOD_MONTH, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tiles->len, ==, SP_CHART_N_KPIS);
  g_assert_true (sp_metrics_get_kpis (fixture->store, &filter, &kpis, &error));
  for (guint i = 0; i < tiles->len; i++)
    {
      const SpKpiChart *tile = tiles->pdata[i];

      g_assert_cmpstr (tile->name, ==, sp_metric_get_name ((SpMetricKind) i));
      /* Only the win cycle is better lower. */
      g_assert_cmpint (tile->lower_is_better, ==, i == SP_METRIC_WIN_CYCLE);
      g_assert_cmpuint (tile->points->len, ==, SP_CHART_N_SPARK);
      for (guint p = 0; p < SP_CHART_N_SPARK; p++)
        g_assert_cmpstr (tile->point_labels->pdata[p], ==, labels[p]);
      g_assert_true (tile->value == g_array_index (tile->points, double, SP_CHART_N_SPARK - 1)
                     || (isnan (tile->value) && isnan (g_array_index (tile->points, double,
                                                                       SP_CHART_N_SPARK - 1))));
    }
  g_assert_cmpfloat (((SpKpiChart *) tiles->pdata[0])->value, ==, (double) kpis.effective_leads);
  g_assert_cmpint (((SpKpiChart *) tiles->pdata[SP_METRIC_WIN_CYCLE])->value_kind, ==,
                   SP_CHART_VALUE_DAYS);
}

static void
test_ranking_and_attainment (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SpPairChart) ranking = NULL;
  g_autoptr(SpPairChart) attainment = NULL;
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter;
  guint with_region = 0;

  period_filter (fixture, SP_CHART_PERIOD_YEAR, &filter);
  ranking = sp_chart_sources_ranking (&fixture->source, SP_CHART_PERIOD_YEAR, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ranking->title, ==, "Ranking, FY2026");
  g_assert_cmpuint (ranking->items->len, ==, 12);
  for (guint i = 0; i < ranking->items->len; i++)
    with_region += strstr (g_array_index (ranking->items, SpChartPair, i).label, " · ") != NULL;
  g_assert_cmpuint (with_region, ==, 12);

  attainment = sp_chart_sources_attainment (&fixture->source, SP_CHART_PERIOD_YEAR, &filter,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attainment->title, ==, "Attainment by Region");
  g_assert_cmpuint (attainment->items->len, ==, 3);
  g_clear_pointer (&attainment, sp_pair_chart_free);

  filter.region_id = 1;
  attainment = sp_chart_sources_attainment (&fixture->source, SP_CHART_PERIOD_YEAR, &filter,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attainment->title, ==, "Attainment by Rep");
  g_assert_cmpuint (attainment->items->len, ==, 4);
}

static void
test_funnels (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SpFunnelChart) cohort = NULL;
  g_autoptr(SpFunnelChart) activity = NULL;
  g_autoptr(SpForecastChart) forecast = NULL;
  g_autoptr(SpMetricsFunnel) funnel = NULL;
  g_autoptr(GError) error = NULL;
  SpMetricsFilter filter;

  period_filter (fixture, SP_CHART_PERIOD_YEAR, &filter);
  funnel = sp_metrics_get_funnel (fixture->store, &filter, NULL, &error);
  g_assert_no_error (error);
  cohort = sp_chart_sources_cohort_funnel (&fixture->source, &filter, SP_FUNNEL_MODE_AMOUNT,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (cohort->mode, ==, SP_FUNNEL_MODE_AMOUNT);
  g_assert_cmpuint (cohort->stages->len, ==, funnel->n_stages);
  g_assert_cmpint (cohort->cohort_size, ==, funnel->cohort_size);
  g_assert_cmpint (funnel->cohort_lost, >, 0);
  {
    g_autofree char *amount = sp_money_format (funnel->cohort_lost_amount,
                                               fixture->source.currency,
                                               SP_MONEY_FORMAT_DEFAULT);
    g_autofree char *note = g_strdup_printf ("Lost %lld (%s)", (long long) funnel->cohort_lost,
                                             amount);

    g_assert_cmpstr (cohort->note, ==, note);
  }
  for (guint i = 0; i < funnel->n_stages; i++)
    g_assert_cmpint (g_array_index (cohort->stages, SpFunnelChartStage, i).count, ==,
                     funnel->stages[i].cohort_count);

  activity = sp_chart_sources_activity_funnel (&fixture->source, &filter, &error);
  g_assert_no_error (error);
  g_assert_true (activity->activity);
  g_assert_cmpuint (activity->stages->len, ==, SP_WORKLOAD_N_STAGES);

  forecast = sp_chart_sources_forecast_from (&fixture->source, funnel);
  g_assert_cmpuint (forecast->rows->len, ==, funnel->n_forecast);
  for (guint i = 0; i < funnel->n_forecast; i++)
    g_assert_cmpint (g_array_index (forecast->rows, SpForecastRow, i).weighted, ==,
                     funnel->forecast[i].weighted);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/chart-sources/periods", test_periods);
  ADD ("/chart-sources/burnup-elapsed", test_burnup_elapsed);
  ADD ("/chart-sources/heatmap-to-date", test_heatmap_to_date);
  ADD ("/chart-sources/kpis", test_kpis);
  ADD ("/chart-sources/ranking-and-attainment", test_ranking_and_attainment);
  ADD ("/chart-sources/funnels", test_funnels);
#undef ADD

  return g_test_run ();
}
