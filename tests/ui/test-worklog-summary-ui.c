/* test-worklog-summary-ui.c — Work Log → Team Summary on the demo workspace: the team's,
 * a region's and every rep's week and month totals shown are the model's exact figures;
 * the Workload view's batched inputs equal the rep-by-rep ones; screenshots light, dark and
 * on a projector, at 1024×768
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-worklog-summary-ui"

#include "config.h"

#include <string.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-rep-workload.h"
#include "sp-window-private.h"
#include "sp-worklog-page-private.h"
#include "sp-worklog-team-summary.h"

#include "sp-ui-test-utils.h"

static SpUiFixture fixture;

static SpWorklogPage *
worklog_page (void)
{
  return SP_WORKLOG_PAGE (adw_view_stack_get_child_by_name (fixture.window->stack, "worklog"));
}

static SpWorklogTeamSummary *
show_summary (void)
{
  SpWorklogPage *page;

  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "show-view",
                                  g_variant_new_string ("worklog"));
  page = worklog_page ();
  gtk_stack_set_visible_child_name (page->view_stack, "summary");
  sp_ui_spin (20);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page->team_summary)));
  return page->team_summary;
}

static void
assert_totals (const gint64           *totals,
               const SpWorklogSummary *model)
{
  g_assert_cmpmem (totals, sizeof (gint64) * SP_WORKLOG_N_VALUES, model->totals,
                   sizeof model->totals);
}

/* Every row's totals are the model's: the team's sp_worklog_summarize() of all, a region's
 * of the region, a rep's of the rep in that region; the shown team cells are its exact
 * figures. */
static void
check_period (SpWorklogTeamSummary *summary)
{
  GListModel *rows = sp_worklog_team_summary_get_rows (summary);
  g_autoptr(GError) error = NULL;
  SpWorklogSummary model;
  gint64 region_id = 0;
  guint n_regions = 0, n_reps = 0;
  GDate first, last;

  sp_worklog_team_summary_get_range (summary, &first, &last);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 3);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SpWorklogSummaryRow) row = g_list_model_get_item (rows, i);
      gint64 totals[SP_WORKLOG_N_VALUES];
      gint64 id = sp_worklog_summary_row_get_id (row);

      for (guint f = 0; f < SP_WORKLOG_N_VALUES; f++)
        totals[f] = sp_worklog_summary_row_get_total (row, f);

      switch (sp_worklog_summary_row_get_kind (row))
        {
        case SP_WORKLOG_SUMMARY_ROW_TEAM:
          g_assert_cmpuint (i, ==, 0);
          g_assert_true (sp_worklog_summarize (fixture.store, 0, 0, &first, &last, &model,
                                               &error));
          g_assert_no_error (error);
          assert_totals (totals, &model);
          g_assert_cmpint (model.totals[SP_WORKLOG_FIELD_REVENUE], >, 0);
          /* What the screen shows, at the top. */
          for (int f = 0; f < SP_WORKLOG_N_VALUES; f++)
            {
              g_autofree char *expected =
                sp_worklog_team_summary_format_value (summary, f, model.totals[f]);
              GtkLabel *label = sp_worklog_team_summary_get_cell (summary, row, f);

              g_assert_nonnull (label);
              g_assert_cmpstr (gtk_label_get_label (label), ==, expected);
            }
          break;
        case SP_WORKLOG_SUMMARY_ROW_REGION:
          region_id = id;
          n_regions++;
          g_assert_true (sp_worklog_summarize (fixture.store, 0, id, &first, &last, &model,
                                               &error));
          g_assert_no_error (error);
          assert_totals (totals, &model);
          break;
        case SP_WORKLOG_SUMMARY_ROW_REP:
        default:
          n_reps++;
          g_assert_true (sp_worklog_summarize (fixture.store, id, region_id, &first, &last,
                                               &model, &error));
          g_assert_no_error (error);
          assert_totals (totals, &model);
          break;
        }
    }
  g_assert_cmpuint (n_regions, ==, 3);
  g_assert_cmpuint (n_reps, >=, 12);
}

static void
test_totals (void)
{
  SpWorklogTeamSummary *summary;
  GDate first, last;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  sp_ui_fixture_resize (&fixture, 1024, 768);
  summary = show_summary ();

  sp_worklog_team_summary_set_period (summary, SP_WORKLOG_PERIOD_WEEK);
  sp_worklog_team_summary_get_range (summary, &first, &last);
  g_assert_true (g_date_compare (&first, &fixture.today) <= 0);
  g_assert_true (g_date_compare (&fixture.today, &last) <= 0);
  g_assert_cmpint (g_date_days_between (&first, &last), ==, 6);
  sp_ui_wait_for_frames (GTK_WIDGET (fixture.window), 1024, 768);
  check_period (summary);
  sp_ui_screenshot (&fixture, NULL, "worklog-summary-week", 1024, 768);

  /* The week before. */
  sp_worklog_team_summary_step (summary, -1);
  {
    GDate before_first, before_last;

    sp_worklog_team_summary_get_range (summary, &before_first, &before_last);
    g_assert_cmpint (g_date_days_between (&before_first, &first), ==, 7);
  }
  sp_ui_wait_for_frames (GTK_WIDGET (fixture.window), 1024, 768);
  check_period (summary);
  sp_worklog_team_summary_step (summary, 1);

  sp_worklog_team_summary_set_period (summary, SP_WORKLOG_PERIOD_MONTH);
  sp_worklog_team_summary_get_range (summary, &first, &last);
  g_assert_cmpint (g_date_get_day (&first), ==, 1);
  g_assert_cmpint (g_date_get_month (&first), ==, G_DATE_SEPTEMBER);
  g_assert_cmpint (g_date_get_day (&last), ==, 30);
  sp_ui_wait_for_frames (GTK_WIDGET (fixture.window), 1024, 768);
  check_period (summary);
  sp_ui_screenshot (&fixture, NULL, "worklog-summary-month", 1024, 768);

  /* An edit anywhere shows at once. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) reps = sp_rep_list (fixture.store, 0, &error);
    g_autoptr(SpRep) rep = g_list_model_get_item (reps, 0);

    g_assert_true (sp_worklog_set_field (fixture.store, sp_rep_get_id (rep), &fixture.today,
                                         SP_WORKLOG_FIELD_COLLECTED, "12345.67", &error));
    g_assert_no_error (error);
    sp_ui_wait_for_frames (GTK_WIDGET (fixture.window), 1024, 768);
    check_period (summary);
    g_assert_true (sp_store_undo (fixture.store, &error));
    g_assert_no_error (error);
    sp_ui_wait_for_frames (GTK_WIDGET (fixture.window), 1024, 768);
    check_period (summary);
  }
}

static gboolean
rates_equal (const SpWorkloadRates *a,
             const SpWorkloadRates *b)
{
  return memcmp (a->sums, b->sums, sizeof a->sums) == 0
         && a->orders == b->orders && a->revenue == b->revenue
         && a->logged_days == b->logged_days
         && memcmp (a->rates, b->rates, sizeof a->rates) == 0
         && a->avg_order_value == b->avg_order_value;
}

/* The Workload view's batched inputs equal sp_rep_workload_init() rep by rep, for every rep
 * (active or not) and the team, over a month, a quarter-like span and a past month. */
static void
test_batched_workload (void)
{
  SpPreferences *preferences;
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const char *ranges[][2] = {
    { "2026-09-01", "2026-09-30" },
    { "2026-07-01", "2026-09-30" },
    { "2025-03-01", "2025-03-31" },
  };
  gint64 zero = 0;
  guint n_active;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  preferences = sp_page_get_preferences (SP_PAGE (worklog_page ()));
  reps = sp_rep_list (fixture.store, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sp_rep_get_id (rep);

      g_array_append_val (ids, id);
    }
  g_array_append_val (ids, zero);
  n_active = sp_rep_workload_count_active (fixture.store, NULL);

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      g_autofree SpRepWorkload *batch = g_new0 (SpRepWorkload, ids->len);
      GDate first, last;

      g_assert_true (sp_date_parse_iso (ranges[r][0], &first));
      g_assert_true (sp_date_parse_iso (ranges[r][1], &last));
      g_assert_true (sp_rep_workload_init_all (batch, preferences, (const gint64 *) ids->data,
                                               ids->len, n_active, &first, &last,
                                               &fixture.today, &error));
      g_assert_no_error (error);

      for (guint i = 0; i < ids->len; i++)
        {
          SpRepWorkload one;

          g_assert_true (sp_rep_workload_init (&one, preferences,
                                               g_array_index (ids, gint64, i), n_active, &first,
                                               &last, &fixture.today, &error));
          g_assert_no_error (error);
          g_assert_cmpint (batch[i].input.target, ==, one.input.target);
          g_assert_cmpint (batch[i].input.avg_order_value, ==, one.input.avg_order_value);
          g_assert_cmpmem (batch[i].input.rates, sizeof batch[i].input.rates, one.input.rates,
                           sizeof one.input.rates);
          g_assert_cmpuint (batch[i].input.working_days, ==, one.input.working_days);
          g_assert_true (rates_equal (&batch[i].history, &one.history));
          g_assert_cmpint (batch[i].used_team, ==, one.used_team);
          g_assert_cmpint (batch[i].has_plan, ==, one.has_plan);
          g_assert_cmpint (batch[i].enough, ==, one.enough);
        }
    }
}

static void
test_styles (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = GTK_WIDGET (fixture.window);
  SpWorklogTeamSummary *summary;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  sp_ui_fixture_resize (&fixture, 1024, 768);
  summary = show_summary ();
  sp_worklog_team_summary_set_period (summary, SP_WORKLOG_PERIOD_WEEK);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  sp_ui_wait_for_frames (window, 1024, 768);
  sp_ui_screenshot (&fixture, NULL, "worklog-summary-week-dark", 1024, 768);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  g_assert_true (gtk_widget_has_css_class (window, "presentation"));
  /* Full screen: whatever size the display has. */
  summary = show_summary ();
  sp_ui_spin (500);
  {
    int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

    sp_ui_wait_for_frames (window, width, height);
    check_period (summary);
    sp_ui_screenshot (&fixture, NULL, "worklog-summary-week-presentation", width, height);
  }
  g_action_group_activate_action (G_ACTION_GROUP (window), "presentation", NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
setup (void)
{
  sp_ui_fixture_open (&fixture, "sp-wls-XXXXXX", TRUE);
  /* Today is the demo's last logged day. */
  g_date_subtract_days (&fixture.today, 1);
  sp_worklog_page_set_day (worklog_page (), &fixture.today);
  gtk_window_present (GTK_WINDOW (fixture.window));
}

int
main (int   argc,
      char *argv[])
{
  sp_ui_test_init (&fixture, &argc, &argv);

  g_test_add_func ("/ui/worklog-summary/totals", test_totals);
  g_test_add_func ("/ui/worklog-summary/batched-workload", test_batched_workload);
  g_test_add_func ("/ui/worklog-summary/styles", test_styles);

  return sp_ui_test_run (&fixture, setup);
}
