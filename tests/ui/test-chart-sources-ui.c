/* test-chart-sources-ui.c — one chart pipeline: on the demo workspace, for a month and a
 * fiscal year, with and without a region, the Dashboard's and the Funnel's chart data after a
 * refresh equal what the report and the CLI draw (sp-report-builder, the same
 * sp-chart-sources); the CLI's render of a chart is the page's chart, pixel for pixel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart-sources-ui"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sp-model.h"

#include "sp-chart-adapters.h"
#include "sp-dashboard-page.h"
#include "sp-funnel-page.h"
#include "sp-report-builder.h"

#include "sp-ui-test-utils.h"

static SpUiFixture fixture;

static SpDashboardPage *
dashboard (void)
{
  return SP_DASHBOARD_PAGE (sp_ui_find_widget (GTK_WIDGET (fixture.window),
                                               SP_TYPE_DASHBOARD_PAGE));
}

static SpFunnelPage *
funnel (void)
{
  return SP_FUNNEL_PAGE (sp_ui_find_widget (GTK_WIDGET (fixture.window), SP_TYPE_FUNNEL_PAGE));
}

static void
assert_same_double (double a,
                    double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat (a, ==, b);
}

static void
assert_same_kpi (const SpKpiChart *page,
                 const SpKpiChart *report)
{
  g_assert_cmpstr (page->name, ==, report->name);
  g_assert_cmpint (page->value_kind, ==, report->value_kind);
  g_assert_cmpint (page->lower_is_better, ==, report->lower_is_better);
  assert_same_double (page->value, report->value);
  assert_same_double (page->previous, report->previous);
  g_assert_cmpuint (page->points->len, ==, SP_CHART_N_SPARK);
  g_assert_cmpuint (page->points->len, ==, report->points->len);
  g_assert_cmpuint (page->point_labels->len, ==, report->point_labels->len);
  for (guint i = 0; i < page->points->len; i++)
    {
      assert_same_double (g_array_index (page->points, double, i),
                          g_array_index (report->points, double, i));
      g_assert_cmpstr (page->point_labels->pdata[i], ==, report->point_labels->pdata[i]);
    }
}

static void
assert_same_pairs (const SpPairChart *page,
                   const SpPairChart *report)
{
  g_assert_cmpstr (page->title, ==, report->title);
  g_assert_cmpuint (page->items->len, ==, report->items->len);
  for (guint i = 0; i < page->items->len; i++)
    {
      const SpChartPair *a = &g_array_index (page->items, SpChartPair, i);
      const SpChartPair *b = &g_array_index (report->items, SpChartPair, i);

      g_assert_cmpstr (a->label, ==, b->label);
      g_assert_cmpint (a->target, ==, b->target);
      g_assert_cmpint (a->actual, ==, b->actual);
    }
}

static void
assert_same_burnup (const SpBurnupChart *page,
                    const SpBurnupChart *report)
{
  g_assert_cmpstr (page->title, ==, report->title);
  g_assert_cmpint (page->target, ==, report->target);
  g_assert_cmpuint (page->total_days, ==, report->total_days);
  g_assert_cmpuint (page->elapsed_days, ==, report->elapsed_days);
  g_assert_cmpuint (page->daily->len, ==, page->elapsed_days);
  g_assert_cmpuint (page->daily->len, ==, report->daily->len);
  g_assert_cmpint (g_date_compare (&page->start, &report->start), ==, 0);
  for (guint i = 0; i < page->daily->len; i++)
    g_assert_cmpint (g_array_index (page->daily, gint64, i), ==,
                     g_array_index (report->daily, gint64, i));
}

static void
assert_same_heatmap (const SpHeatmapChart *page,
                     const SpHeatmapChart *report)
{
  g_assert_cmpstr (page->title, ==, report->title);
  g_assert_cmpuint (page->rows->len, ==, report->rows->len);
  g_assert_cmpuint (page->columns->len, ==, report->columns->len);
  g_assert_cmpuint (page->values->len, ==, page->rows->len * page->columns->len);
  for (guint i = 0; i < page->rows->len; i++)
    g_assert_cmpstr (page->rows->pdata[i], ==, report->rows->pdata[i]);
  for (guint i = 0; i < page->columns->len; i++)
    g_assert_cmpstr (page->columns->pdata[i], ==, report->columns->pdata[i]);
  for (guint i = 0; i < page->values->len; i++)
    assert_same_double (g_array_index (page->values, double, i),
                        g_array_index (report->values, double, i));
}

static void
assert_same_funnel (const SpFunnelChart *page,
                    const SpFunnelChart *report)
{
  g_assert_cmpstr (page->title, ==, report->title);
  g_assert_cmpint (page->mode, ==, report->mode);
  g_assert_cmpstr (page->note, ==, report->note);
  g_assert_cmpint (page->cohort_size, ==, report->cohort_size);
  g_assert_cmpint (page->lost, ==, report->lost);
  g_assert_cmpint (page->lost_amount, ==, report->lost_amount);
  g_assert_cmpuint (page->stages->len, ==, report->stages->len);
  for (guint i = 0; i < page->stages->len; i++)
    {
      const SpFunnelChartStage *a = &g_array_index (page->stages, SpFunnelChartStage, i);
      const SpFunnelChartStage *b = &g_array_index (report->stages, SpFunnelChartStage, i);

      g_assert_cmpstr (a->label, ==, b->label);
      g_assert_cmpint (a->count, ==, b->count);
      g_assert_cmpint (a->amount, ==, b->amount);
      assert_same_double (a->conversion, b->conversion);
      assert_same_double (a->mean_days, b->mean_days);
    }
}

/* The report path's data for chart @kind of the page's period. */
static gpointer
report_chart (SpPeriodFilter    *filter,
              SpReportChartKind  kind,
              GDestroyNotify    *destroy)
{
  g_autoptr(SpReportSource) source = NULL;
  g_autoptr(GError) error = NULL;
  SpMetricsFilter period;
  gpointer chart;

  sp_period_filter_get_filter (filter, 0, &period);
  source = sp_report_source_new_for_period (fixture.store,
                                            (SpChartPeriodKind) sp_period_filter_get_period (filter),
                                            &period, &fixture.today);
  chart = sp_report_source_build_chart (source, kind, destroy, &error);
  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}

/* The table shows the chart's rows. */
static void
assert_table_rows (SpChartView *view,
                   guint        n_rows)
{
  g_autoptr(GListModel) rows = sp_chart_view_dup_rows (view);

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);
  if (n_rows > 0)
    {
      g_autoptr(SpChartRow) first = g_list_model_get_item (rows, 0);

      g_assert_true (SP_IS_CHART_ROW (first));
      g_assert_cmpstr (sp_chart_row_get_cell (first, 999), ==, "");
    }
}

static gint64
first_region_id (void)
{
  g_autoptr(GListModel) regions = sp_region_list (fixture.store, NULL);
  g_autoptr(SpRegion) region = g_list_model_get_item (regions, 0);

  return sp_region_get_id (region);
}

static void
check_dashboard (SpPeriodKind kind,
                 gint64       region)
{
  SpDashboardPage *page;
  SpPeriodFilter *filter;
  GDestroyNotify destroy = NULL;
  gpointer chart;
  GPtrArray *kpis;

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("dashboard"));
  page = dashboard ();
  filter = sp_dashboard_page_get_filter (page);
  sp_period_filter_set_period (filter, kind);
  sp_period_filter_set_region (filter, region);
  g_assert_cmpint (sp_period_filter_get_region (filter), ==, region);
  sp_ui_wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);

  kpis = report_chart (filter, SP_REPORT_CHART_KPIS, &destroy);
  g_assert_cmpuint (kpis->len, ==, SP_DASHBOARD_N_TILES);
  for (guint i = 0; i < SP_DASHBOARD_N_TILES; i++)
    {
      SpChartView *tile = sp_dashboard_page_get_tile (page, i);

      assert_same_kpi (sp_chart_view_get_data (tile), kpis->pdata[i]);
      assert_table_rows (tile, SP_CHART_N_SPARK);
    }
  /* The win cycle, and only it, is better lower. */
  for (guint i = 0; i < kpis->len; i++)
    g_assert_cmpint (((SpKpiChart *) kpis->pdata[i])->lower_is_better, ==,
                     i == SP_METRIC_WIN_CYCLE);
  destroy (kpis);

  chart = report_chart (filter, SP_REPORT_CHART_ATTAINMENT, &destroy);
  assert_same_pairs (sp_chart_view_get_data (
                       sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_ATTAINMENT)), chart);
  assert_table_rows (sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_ATTAINMENT),
                     ((SpPairChart *) chart)->items->len);
  g_assert_cmpuint (((SpPairChart *) chart)->items->len, >, 0);
  destroy (chart);

  chart = report_chart (filter, SP_REPORT_CHART_RANKING, &destroy);
  assert_same_pairs (sp_chart_view_get_data (
                       sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_RANKING)), chart);
  g_assert_cmpuint (((SpPairChart *) chart)->items->len, >, 0);
  destroy (chart);

  chart = report_chart (filter, SP_REPORT_CHART_BURNUP, &destroy);
  assert_same_burnup (sp_chart_view_get_data (
                        sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_BURNUP)), chart);
  assert_table_rows (sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_BURNUP),
                     ((SpBurnupChart *) chart)->elapsed_days);
  /* The demo's 15 September is inside both periods: today is the last day done. */
  {
    const SpBurnupChart *burnup = chart;
    GDate day = burnup->start;

    g_assert_cmpuint (burnup->elapsed_days, >, 0);
    g_date_add_days (&day, burnup->elapsed_days - 1);
    g_assert_cmpint (g_date_compare (&day, &fixture.today), ==, 0);
  }
  destroy (chart);

  chart = report_chart (filter, SP_REPORT_CHART_HEATMAP, &destroy);
  assert_same_heatmap (sp_chart_view_get_data (
                         sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_HEATMAP)), chart);
  assert_table_rows (sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_HEATMAP),
                     ((SpHeatmapChart *) chart)->rows->len);
  /* A region's heatmap is its one row. */
  if (region != 0)
    g_assert_cmpuint (((SpHeatmapChart *) chart)->rows->len, ==, 1);
  destroy (chart);
}

static void
check_funnel (SpPeriodKind kind,
              gint64       region)
{
  SpFunnelPage *page;
  SpPeriodFilter *filter;
  GDestroyNotify destroy = NULL;
  SpFunnelChart *chart;

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("funnel"));
  page = funnel ();
  filter = sp_funnel_page_get_filter (page);
  sp_funnel_page_set_mode (page, SP_FUNNEL_MODE_COUNT);
  sp_period_filter_set_period (filter, kind);
  sp_period_filter_set_region (filter, region);
  sp_ui_wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);

  chart = report_chart (filter, SP_REPORT_CHART_FUNNEL, &destroy);
  assert_same_funnel (sp_chart_view_get_data (sp_funnel_page_get_pipeline (page)), chart);
  g_assert_cmpuint (chart->stages->len, >=, 3);
  assert_table_rows (sp_funnel_page_get_pipeline (page), chart->stages->len);
  destroy (chart);
}

static void
test_same_data (void)
{
  const SpPeriodKind kinds[] = { SP_PERIOD_MONTH, SP_PERIOD_YEAR };

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gint64 regions[] = { 0, first_region_id () };

      for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
        {
          g_test_message ("period %d, region %" G_GINT64_FORMAT, kinds[k], regions[r]);
          check_dashboard (kinds[k], regions[r]);
          check_funnel (kinds[k], regions[r]);
        }
    }
}

/* Draws the page's burn-up with the chart's own draw function as the CLI's render does:
 * background, then the chart with the CLI's title. */
static cairo_surface_t *
draw_page_burnup (const SpBurnupChart *burnup,
                  const char          *title,
                  int                  width,
                  int                  height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  SpChartStyle style;
  SpBurnupData data;

  sp_chart_style_init (&style, SP_CHART_PALETTE_LIGHT);
  cairo_set_source_rgb (cr, style.background.red, style.background.green, style.background.blue);
  cairo_paint (cr);
  sp_burnup_chart_get_data (burnup, title, &data);
  sp_burnup_chart_draw (cr, &data, &style, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* `sales-planner-cli render burnup` of the fiscal year is the Dashboard's burn-up of that
 * year: the same pixels. */
static void
test_cli_render (void)
{
  const char *cli = g_getenv ("SP_CLI");
  g_autofree char *db = g_build_filename (fixture.dir, "workspace.db", NULL);
  g_autofree char *png = g_build_filename (fixture.dir, "burnup.png", NULL);
  g_autofree char *title = NULL;
  g_autofree char *year = NULL;
  g_autofree char *today = sp_date_format_iso (&fixture.today);
  g_autoptr(GError) error = NULL;
  SpDashboardPage *page;
  const SpBurnupChart *burnup;
  cairo_surface_t *expected, *actual;
  int status = -1, width = 640, height = 400, stride;

  if (sp_ui_test_skip_no_display (&fixture))
    return;
  if (cli == NULL)
    {
      g_test_skip ("SP_CLI is not set");
      return;
    }

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("dashboard"));
  page = dashboard ();
  sp_period_filter_set_period (sp_dashboard_page_get_filter (page), SP_PERIOD_YEAR);
  sp_period_filter_set_region (sp_dashboard_page_get_filter (page), 0);
  sp_ui_wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);
  burnup = sp_chart_view_get_data (sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_BURNUP));

  {
    g_autoptr(SpPreferences) preferences = sp_preferences_new (fixture.store);
    g_autoptr(SpCalendar) calendar = sp_preferences_dup_calendar (preferences);
    int fiscal_year = sp_calendar_fiscal_year_of (calendar, &fixture.today);

    year = g_strdup_printf ("%d", fiscal_year);
    title = sp_report_chart_get_title (SP_REPORT_CHART_BURNUP, fiscal_year);
  }
  {
    g_autofree char *w = g_strdup_printf ("%d", width);
    g_autofree char *h = g_strdup_printf ("%d", height);
    const char *argv[] = { cli, "render", "burnup", "--file", db, "--year", year, "--today",
                           today, "--width", w, "--height", h, "--output", png, "--force",
                           NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                  NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }

  actual = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (actual), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (actual), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (actual), ==, height);
  expected = draw_page_burnup (burnup, title, width, height);
  stride = cairo_image_surface_get_stride (expected);
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (actual));
  g_assert_true (memcmp (cairo_image_surface_get_data (expected),
                         cairo_image_surface_get_data (actual), (gsize) stride * height) == 0);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

static void
setup (void)
{
  sp_ui_fixture_open (&fixture, "sp-chart-sources-ui-XXXXXX", TRUE);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture.window));
  sp_period_filter_set_today (sp_dashboard_page_get_filter (dashboard ()), &fixture.today);
  sp_period_filter_set_today (sp_funnel_page_get_filter (funnel ()), &fixture.today);
}

int
main (int   argc,
      char *argv[])
{
  sp_ui_test_init (&fixture, &argc, &argv);

  g_test_add_func ("/ui/chart-sources/same-data", test_same_data);
  g_test_add_func ("/ui/chart-sources/cli-render", test_cli_render);

  return sp_ui_test_run (&fixture, setup);
}
