/* test-charts-ui.c — the Funnel and Dashboard views on a demo workspace: their charts get
 * data, tooltips come from the hit tests, charts export to PNG/SVG/PDF and print, the table
 * opens, the opportunity editor saves through the model, and screenshots of both views at
 * two sizes, light, dark and on the projector (zh_CN: 1024x768)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-charts-ui"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-chart-adapters.h"
#include "sp-dashboard-page.h"
#include "sp-funnel-page.h"
#include "sp-opportunity-dialog.h"
#include "sp-window.h"

#include "sp-ui-test-utils.h"

static SpUiFixture fixture;

static void
wait_for_frames (GtkWidget *widget,
                 int        width,
                 int        height)
{
  sp_ui_wait_for_size (widget, width, height, 20 * G_USEC_PER_SEC);
  /* The pages must fit the smallest projector screen, presentation fonts included. */
  sp_ui_check_size (widget, width, height);
  sp_ui_wait_for_paint (widget);
}

static void
screenshot (const char *name,
            int         shot_width,
            int         shot_height)
{
  g_autoptr(GdkTexture) texture = sp_ui_render (GTK_WIDGET (fixture.window));
  g_autofree char *file = g_strdup_printf ("%s-%dx%d.png", name, shot_width, shot_height);

  g_free (sp_ui_save_png (&fixture, texture, file));
}

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
resize (int width,
        int height)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), width, height);
  wait_for_frames (GTK_WIDGET (fixture.window), width, height);
}

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (sp_ui_test_skip_no_display (&fixture)) \
      return; \
  } G_STMT_END

static void
test_dashboard_data (void)
{
  SpDashboardPage *page;
  guint defined = 0;

  SKIP_WITHOUT_DISPLAY ();

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("dashboard"));
  page = dashboard ();
  g_assert_nonnull (page);
  sp_period_filter_set_period (sp_dashboard_page_get_filter (page), SP_PERIOD_YEAR);
  wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);

  for (guint i = 0; i < SP_DASHBOARD_N_TILES; i++)
    {
      SpChartView *tile = sp_dashboard_page_get_tile (page, i);
      const SpKpiChart *chart = sp_chart_view_get_data (tile);
      g_autofree char *summary = sp_chart_view_dup_summary (tile);
      g_autofree char *tooltip = NULL;

      g_assert_nonnull (chart);
      g_assert_nonnull (chart->name);
      g_assert_cmpuint (chart->points->len, ==, 6);
      g_assert_cmpstr (summary, !=, "");
      /* One full stop between sentences, never "period.. Previous period" (zh "。。"). */
      g_assert_null (strstr (summary, ".."));
      g_assert_null (strstr (summary, "。。"));
      g_assert_null (strstr (summary, "。."));
      defined += !isnan (chart->value);
      /* Away from the sparkline the tooltip names the KPI and gives its definition. */
      tooltip = sp_chart_view_get_tooltip_at (tile, 2, 2);
      g_assert_nonnull (tooltip);
      g_assert_true (strstr (tooltip, chart->name) != NULL);
      g_assert_true (strstr (tooltip, chart->definition) != NULL);
    }
  /* The demo year has leads, wins and invoices. */
  g_assert_cmpuint (defined, ==, SP_DASHBOARD_N_TILES);

  {
    SpChartView *ranking = sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_RANKING);
    const SpPairChart *pairs = sp_chart_view_get_data (ranking);
    const SpBurnupChart *burnup = sp_chart_view_get_data (
      sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_BURNUP));
    const SpHeatmapChart *heatmap = sp_chart_view_get_data (
      sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_HEATMAP));
    const SpPairChart *attainment = sp_chart_view_get_data (
      sp_dashboard_page_get_chart (page, SP_DASHBOARD_CHART_ATTAINMENT));
    int width = gtk_widget_get_width (GTK_WIDGET (ranking));
    int height = gtk_widget_get_height (GTK_WIDGET (ranking));
    gboolean hit = FALSE;

    g_assert_cmpuint (pairs->items->len, >, 0);
    g_assert_cmpuint (attainment->items->len, >, 0);
    g_assert_cmpuint (burnup->daily->len, >, 0);
    g_assert_cmpint (burnup->target, >, 0);
    g_assert_cmpuint (heatmap->rows->len, >, 0);
    g_assert_cmpuint (heatmap->values->len, ==, heatmap->rows->len * heatmap->columns->len);

    /* Some point of the ranking board is a rep's row with its exact figures. */
    for (int y = 0; y < height && !hit; y += 4)
      {
        int item = sp_chart_view_hit_test (ranking, width / 2.0, y);

        if (item >= 0)
          {
            g_autofree char *tooltip = sp_chart_view_get_tooltip_at (ranking, width / 2.0, y);
            const SpChartPair *pair = &g_array_index (pairs->items, SpChartPair, item);

            g_assert_nonnull (tooltip);
            g_assert_true (strstr (tooltip, pair->label) != NULL);
            hit = TRUE;
          }
      }
    g_assert_true (hit);
    g_assert_cmpint (sp_chart_view_hit_test (ranking, -10, -10), ==, -1);
  }
}

static void
test_funnel_data (void)
{
  SpFunnelPage *page;
  const SpFunnelChart *chart;
  const SpFunnelChart *activity;
  SpChartView *pipeline;
  int width, height, stage = -1;

  SKIP_WITHOUT_DISPLAY ();

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("funnel"));
  page = funnel ();
  g_assert_nonnull (page);
  sp_period_filter_set_period (sp_funnel_page_get_filter (page), SP_PERIOD_QUARTER);
  wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);

  pipeline = sp_funnel_page_get_pipeline (page);
  chart = sp_chart_view_get_data (pipeline);
  g_assert_nonnull (chart);
  g_assert_cmpuint (chart->stages->len, >=, 3);
  activity = sp_chart_view_get_data (sp_funnel_page_get_activity (page));
  g_assert_cmpuint (activity->stages->len, ==, SP_WORKLOAD_N_STAGES);
  g_assert_cmpint (g_array_index (activity->stages, SpFunnelChartStage, 0).count, >, 0);

  /* The amount mode redraws the same stages. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  sp_funnel_page_set_mode (page, SP_FUNNEL_MODE_AMOUNT);
  g_assert_cmpint (sp_funnel_page_get_mode (page), ==, SP_FUNNEL_MODE_AMOUNT);
  chart = sp_chart_view_get_data (pipeline);
  g_assert_cmpint (chart->mode, ==, SP_FUNNEL_MODE_AMOUNT);
  sp_funnel_page_set_mode (page, SP_FUNNEL_MODE_COUNT);
  chart = sp_chart_view_get_data (pipeline);

  /* The hit test finds a stage down the middle; its tooltip and detail carry its name. */
  width = gtk_widget_get_width (GTK_WIDGET (pipeline));
  height = gtk_widget_get_height (GTK_WIDGET (pipeline));
  for (int y = 0; y < height && stage < 0; y += 4)
    stage = sp_chart_view_hit_test (pipeline, width / 2.0, y);
  g_assert_cmpint (stage, >=, 0);
  {
    const char *label = g_array_index (chart->stages, SpFunnelChartStage, stage).label;
    g_autofree char *tooltip = NULL;
    int y = 0;

    while (sp_chart_view_hit_test (pipeline, width / 2.0, y) != stage)
      y += 4;
    tooltip = sp_chart_view_get_tooltip_at (pipeline, width / 2.0, y);
    g_assert_nonnull (tooltip);
    g_assert_true (strstr (tooltip, label) != NULL);
    sp_funnel_page_select_stage (page, stage);
    g_assert_cmpstr (sp_funnel_page_get_stage_text (page), !=, "");
  }

  /* Selecting a stage lists its opportunities: as many as the model gives for the page's
   * filter and that stage's id, largest first; some in the first open stage of the demo. */
  {
    g_autoptr(SpMetricsFunnel) metrics = NULL;
    g_autoptr(GError) error = NULL;
    SpMetricsFilter filter;
    SpMetricsKpis kpis = { 0 };
    GtkColumnView *view = sp_funnel_page_get_opportunity_view (page);

    sp_period_filter_get_filter (sp_funnel_page_get_filter (page), 0, &filter);
    g_assert_true (sp_metrics_get_kpis (fixture.store, &filter, &kpis, &error));
    g_assert_no_error (error);
    metrics = sp_metrics_get_funnel (fixture.store, &filter, &kpis, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (metrics->n_stages, ==, chart->stages->len);

    sp_funnel_page_select_stage (page, -1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                      ==, 0);
    for (int i = (int) metrics->n_stages - 1; i >= 0; i--)
      {
        g_autoptr(GPtrArray) expected = NULL;
        GListModel *model;
        guint n;

        expected = sp_opportunity_list_reached (fixture.store, &filter,
                                                metrics->stages[i].stage_id, &error);
        g_assert_no_error (error);
        sp_funnel_page_select_stage (page, i);
        model = G_LIST_MODEL (gtk_column_view_get_model (view));
        n = g_list_model_get_n_items (model);
        g_assert_cmpuint (n, ==, expected->len);
        /* The list is the band: the cohort's count, in count and amount mode alike. */
        g_assert_cmpint (n, ==, metrics->stages[i].cohort_count);
        g_assert_cmpint (g_array_index (chart->stages, SpFunnelChartStage, i).count, ==,
                         metrics->stages[i].cohort_count);
        g_assert_cmpint (g_array_index (chart->stages, SpFunnelChartStage, i).amount, ==,
                         metrics->stages[i].cohort_amount);
        for (guint j = 1; j < n; j++)
          {
            g_autoptr(GObject) a = g_list_model_get_item (model, j - 1);
            g_autoptr(GObject) b = g_list_model_get_item (model, j);
            const SpOpportunity *x =
              sp_opportunity_item_get_opportunity (SP_OPPORTUNITY_ITEM (a));
            const SpOpportunity *y =
              sp_opportunity_item_get_opportunity (SP_OPPORTUNITY_ITEM (b));

            g_assert_cmpint (x->amount, >=, y->amount);
          }
        if (i == 0)
          g_assert_cmpuint (n, >, 0);
      }
    /* Stage 0 stays selected, for the screenshots. */
    wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);
  }
}

static gboolean
run_quietly (const char * const *argv)
{
  int status = -1;
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                     | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static void
assert_nonempty (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_size, >, 100);
}

static void
test_export (void)
{
  SpChartView *chart;
  g_autofree char *png = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWindow *table;

  SKIP_WITHOUT_DISPLAY ();

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("funnel"));
  wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);
  chart = sp_funnel_page_get_pipeline (funnel ());

  png = g_build_filename (fixture.dir, "funnel.png", NULL);
  svg = g_build_filename (fixture.dir, "funnel.svg", NULL);
  pdf = g_build_filename (fixture.dir, "funnel.pdf", NULL);
  g_assert_true (sp_chart_view_export (chart, png, SP_CHART_EXPORT_PNG, 800, 500, &error));
  g_assert_no_error (error);
  g_assert_true (sp_chart_view_export (chart, svg, SP_CHART_EXPORT_SVG, 800, 500, &error));
  g_assert_no_error (error);
  g_assert_true (sp_chart_view_export (chart, pdf, SP_CHART_EXPORT_PDF, 800, 500, &error));
  g_assert_no_error (error);
  assert_nonempty (png);
  assert_nonempty (svg);
  assert_nonempty (pdf);

  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1600);

  if (g_find_program_in_path ("pdftoppm") != NULL)
    {
      g_autofree char *prefix = g_build_filename (fixture.dir, "from-pdf", NULL);
      const char *argv[] = { "pdftoppm", "-png", "-r", "36", pdf, prefix, NULL };

      g_assert_true (run_quietly (argv));
    }
  else
    g_test_message ("pdftoppm missing: the PDF is not opened");
  if (g_find_program_in_path ("rsvg-convert") != NULL)
    {
      g_autofree char *out = g_build_filename (fixture.dir, "from-svg.png", NULL);
      const char *argv[] = { "rsvg-convert", "-o", out, svg, NULL };

      g_assert_true (run_quietly (argv));
      assert_nonempty (out);
    }
  else
    g_test_message ("rsvg-convert missing: the SVG is not opened");

  /* An unwritable place fails with a message. */
  g_assert_false (sp_chart_view_export (chart, "/nonexistent/dir/chart.pdf",
                                        SP_CHART_EXPORT_PDF, 100, 100, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The table holds one row per stage. */
  table = sp_chart_view_show_table (chart);
  g_assert_nonnull (table);
  wait_for_frames (GTK_WIDGET (table), 0, 0);
  gtk_window_destroy (table);
}

/* Print… without a printer: the same print operation exported to a PDF file, whose page
 * poppler renders with ink on it. */
static void
test_print (void)
{
  SpChartView *chart;
  g_autofree char *pdf = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  gsize stride, dark = 0;
  int width, height;

  SKIP_WITHOUT_DISPLAY ();

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("funnel"));
  wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);
  chart = sp_funnel_page_get_pipeline (funnel ());

  pdf = g_build_filename (fixture.dir, "printed.pdf", NULL);
  prefix = g_build_filename (fixture.dir, "printed", NULL);
  g_assert_true (sp_chart_view_print_to_file (chart, pdf, &error));
  g_assert_no_error (error);
  assert_nonempty (pdf);
  if (!run_quietly ((const char *[]) { "pdftoppm", "-png", "-r", "50", "-singlefile", pdf,
                                       prefix, NULL }))
    g_error ("pdftoppm (poppler-utils) could not render the printed PDF");
  png = g_strdup_printf ("%s.png", prefix);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200)
      dark++;
  g_test_message ("printed page %dx%d, %" G_GSIZE_FORMAT " inked pixels", width, height, dark);
  /* Not blank: bands and text cover a good part of the page. */
  g_assert_cmpuint (dark, >, (gsize) width * height / 100);
}

static void
set_field (SpOpportunityDialog *dialog,
           const char          *name,
           const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sp_opportunity_dialog_get_field (dialog, name)), text);
}

static void
select_field (SpOpportunityDialog *dialog,
              const char          *name,
              const char          *item)
{
  AdwComboRow *row = ADW_COMBO_ROW (sp_opportunity_dialog_get_field (dialog, name));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), item) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("no “%s” in %s", item, name);
}

static void
assert_refused (SpOpportunityDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sp_opportunity_dialog_save (dialog, &error), ==, 0);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_assert_true (gtk_widget_get_visible (sp_opportunity_dialog_get_field (dialog, "error")));
}

/* The editor from the Funnel view: a refusal keeps the dialog with the model's message; a
 * new opportunity counts in the funnel; editing moves it and records the stage history. */
static void
test_opportunity_dialog (void)
{
  SpFunnelPage *page;
  SpOpportunityDialog *dialog;
  g_autoptr(SpOpportunity) o = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *later = NULL;
  GDate day = fixture.today;
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("funnel"));
  page = funnel ();
  wait_for_frames (GTK_WIDGET (fixture.window), 0, 0);
  sp_funnel_page_select_stage (page, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "funnel.new-opportunity", NULL));
  dialog = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (SP_IS_OPPORTUNITY_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  wait_for_frames (GTK_WIDGET (dialog), 0, 0);

  /* No title: refused, said in the dialog. */
  assert_refused (dialog);

  created = sp_date_format_iso (&fixture.today);
  set_field (dialog, "title", "Campus network");
  set_field (dialog, "customer", "Acme Test Co.");
  select_field (dialog, "class", sp_customer_class_get_name (SP_CUSTOMER_CLASS_STRATEGIC));
  select_field (dialog, "grade", "A");
  set_field (dialog, "amount", "12,345.60");
  set_field (dialog, "created", created);
  set_field (dialog, "expected", "2026-08-01");     /* before creation: refused */
  assert_refused (dialog);
  set_field (dialog, "expected", "2026-12-31");
  set_field (dialog, "invoiced", "100");
  set_field (dialog, "collected", "200");           /* more than invoiced: refused */
  assert_refused (dialog);
  set_field (dialog, "collected", "");
  id = sp_opportunity_dialog_save (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (gtk_widget_get_visible (sp_opportunity_dialog_get_field (dialog, "error")));
  gtk_window_destroy (GTK_WINDOW (dialog));

  o = sp_opportunity_get (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (o->title, ==, "Campus network");
  g_assert_cmpstr (o->customer_class, ==, "strategic");
  g_assert_cmpstr (o->intent_grade, ==, "A");
  g_assert_cmpint (o->amount, ==, 1234560);
  g_assert_cmpint (o->invoiced, ==, 10000);
  g_assert_cmpstr (o->created_on, ==, created);
  g_clear_pointer (&o, sp_opportunity_free);

  /* Edit: won two days later, one undo step, with the history row of that day. */
  dialog = SP_OPPORTUNITY_DIALOG (sp_funnel_page_edit_opportunity (page, id));
  wait_for_frames (GTK_WIDGET (dialog), 0, 0);
  g_assert_false (gtk_widget_get_visible (sp_opportunity_dialog_get_field (dialog, "stage-on")));
  select_field (dialog, "stage", sp_pipeline_stage_display_name ("Won"));
  g_assert_true (gtk_widget_get_visible (sp_opportunity_dialog_get_field (dialog, "stage-on")));
  g_date_add_days (&day, 2);
  later = sp_date_format_iso (&day);
  set_field (dialog, "stage-on", later);
  set_field (dialog, "collected", "50");
  g_assert_cmpint (sp_opportunity_dialog_save (dialog, &error), ==, id);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (sp_store_get_undo_label (fixture.store), ==, _("Edit opportunity"));
  o = sp_opportunity_get (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (o->closed_on, ==, later);
  g_assert_cmpint (o->collected, ==, 5000);
  g_clear_pointer (&o, sp_opportunity_free);

  /* Undo both: the workspace is the demo again for the screenshots. */
  g_assert_true (sp_store_undo (fixture.store, &error));
  g_assert_true (sp_store_undo (fixture.store, &error));
  g_assert_no_error (error);
  g_assert_null (sp_opportunity_get (fixture.store, id, NULL));
}

static void
shoot_views (const char *variant,
             int         width,
             int         height)
{
  static const char * const views[] = { "funnel", "dashboard" };

  resize (width, height);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%s", views[i], variant);

      g_autofree char *bottom = g_strdup_printf ("%s-bottom", name);
      GtkWidget *page;
      GtkAdjustment *adjustment;

      g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                      g_variant_new_string (views[i]));
      wait_for_frames (GTK_WIDGET (fixture.window), width, height);
      page = i == 0 ? GTK_WIDGET (funnel ()) : GTK_WIDGET (dashboard ());
      /* The page is on screen: the window did not fold to its sidebar for lack of room. */
      g_assert_true (gtk_widget_get_mapped (page));
      adjustment = gtk_scrolled_window_get_vadjustment (
        GTK_SCROLLED_WINDOW (sp_ui_find_widget (page, GTK_TYPE_SCROLLED_WINDOW)));
      gtk_adjustment_set_value (adjustment, 0);
      wait_for_frames (GTK_WIDGET (fixture.window), width, height);
      screenshot (name, width, height);

      /* And what is below the fold. */
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      wait_for_frames (GTK_WIDGET (fixture.window), width, height);
      screenshot (bottom, width, height);
      gtk_adjustment_set_value (adjustment, 0);
    }
}

/* Light, dark and on the projector, at two sizes; in Chinese (the ui-charts-zh_CN run) at
 * 1024x768 only, where labels are tightest. */
static void
test_screenshots (void)
{
  static const struct { const char *variant; AdwColorScheme scheme; gboolean present; } looks[] = {
    { "-charts", ADW_COLOR_SCHEME_FORCE_LIGHT, FALSE },
    { "-charts-dark", ADW_COLOR_SCHEME_FORCE_DARK, FALSE },
    { "-charts-presentation", ADW_COLOR_SCHEME_FORCE_LIGHT, TRUE },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean chinese = fixture.suffix[0] != '\0';

  SKIP_WITHOUT_DISPLAY ();

  sp_period_filter_set_period (sp_dashboard_page_get_filter (dashboard ()), SP_PERIOD_MONTH);
  sp_period_filter_set_period (sp_funnel_page_get_filter (funnel ()), SP_PERIOD_QUARTER);

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      g_autofree char *variant = g_strconcat (looks[i].variant, fixture.suffix, NULL);

      adw_style_manager_set_color_scheme (style, looks[i].scheme);
      if (looks[i].present)
        {
          g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "presentation", NULL);
          g_assert_true (sp_window_get_presenting (fixture.window));
          g_assert_cmpint (sp_chart_view_get_palette (sp_funnel_page_get_pipeline (funnel ())),
                           ==, SP_CHART_PALETTE_PROJECTOR);
        }
      if (!chinese)
        shoot_views (variant, 1280, 800);
      shoot_views (variant, 1024, 768);
      if (looks[i].present)
        g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "presentation", NULL);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
setup (void)
{
  sp_ui_fixture_open (&fixture, "sp-charts-ui-XXXXXX", TRUE);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture.window));
  /* The demo's "today", so that this month has data and the pictures stay the same. */
  sp_period_filter_set_today (sp_dashboard_page_get_filter (dashboard ()), &fixture.today);
  sp_period_filter_set_today (sp_funnel_page_get_filter (funnel ()), &fixture.today);
}

int
main (int   argc,
      char *argv[])
{
  sp_ui_test_init (&fixture, &argc, &argv);

  if (fixture.suffix[0] == '\0')
    {
      g_test_add_func ("/ui/charts/dashboard-data", test_dashboard_data);
      g_test_add_func ("/ui/charts/funnel-data", test_funnel_data);
      g_test_add_func ("/ui/charts/export", test_export);
      g_test_add_func ("/ui/charts/print", test_print);
      g_test_add_func ("/ui/charts/opportunity-dialog", test_opportunity_dialog);
    }
  g_test_add_func ("/ui/charts/screenshots", test_screenshots);

  return sp_ui_test_run (&fixture, setup);
}
