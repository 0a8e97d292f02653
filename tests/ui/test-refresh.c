/* test-refresh.c — one edit, one refresh: the pages on screen refresh exactly once per change
 * of the workspace (an edit, an undo, a preference), the hidden ones not at all until shown
 *
 * The Dashboard is shown in the fixture's window and the Funnel in a second window on the
 * same workspace file, so that both are mapped at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-refresh"

#include "config.h"

#include "sp-model.h"

#include "sp-application.h"
#include "sp-page.h"
#include "sp-window-private.h"

#include "sp-ui-test-utils.h"

static SpUiFixture fixture;
static SpWindow *second;

static SpPage *
view (SpWindow   *window,
      const char *name)
{
  return SP_PAGE (adw_view_stack_get_child_by_name (window->stack, name));
}

static void
show_view (SpWindow   *window,
           const char *name)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-view",
                                  g_variant_new_string (name));
  sp_ui_wait_for_size (GTK_WIDGET (view (window, name)), 0, 0, 0);
}

/* Runs the main loop until nothing is left to do: the workspaces' idles, the frames. */
static void
run_until_idle (void)
{
  sp_ui_spin (50);
  for (guint i = 0; i < 10000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  guint dashboard;
  guint funnel;
  guint targets;
  guint workload;
  guint worklog;
} Counts;

static void
count (Counts *counts)
{
  counts->dashboard = sp_page_get_refresh_count (view (fixture.window, "dashboard"));
  counts->funnel = sp_page_get_refresh_count (view (second, "funnel"));
  counts->targets = sp_page_get_refresh_count (view (fixture.window, "targets"));
  counts->workload = sp_page_get_refresh_count (view (fixture.window, "workload"));
  counts->worklog = sp_page_get_refresh_count (view (fixture.window, "worklog"));
}

/* The pages on screen refreshed once since @before, the hidden ones not at all. */
static void
assert_refreshed_once (const Counts *before)
{
  Counts after;

  count (&after);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view (fixture.window, "dashboard"))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view (second, "funnel"))));
  g_assert_cmpuint (after.dashboard, ==, before->dashboard + 1);
  g_assert_cmpuint (after.funnel, ==, before->funnel + 1);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view (fixture.window, "targets"))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view (fixture.window, "workload"))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view (fixture.window, "worklog"))));
  g_assert_cmpuint (after.targets, ==, before->targets);
  g_assert_cmpuint (after.workload, ==, before->workload);
  g_assert_cmpuint (after.worklog, ==, before->worklog);
  g_assert_true (sp_page_get_dirty (view (fixture.window, "targets")));
  g_assert_true (sp_page_get_dirty (view (fixture.window, "workload")));
  g_assert_true (sp_page_get_dirty (view (fixture.window, "worklog")));
}

/* A hidden page that missed changes refreshes once when it is shown, however many it
 * missed; then the Dashboard is shown again. */
static void
assert_catches_up (const char *name)
{
  guint before = sp_page_get_refresh_count (view (fixture.window, name));

  show_view (fixture.window, name);
  run_until_idle ();
  g_assert_cmpuint (sp_page_get_refresh_count (view (fixture.window, name)), ==, before + 1);
  g_assert_false (sp_page_get_dirty (view (fixture.window, name)));
  show_view (fixture.window, "dashboard");
  run_until_idle ();
}

static gint64
first_plan (SpPlan **plan)
{
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(GError) error = NULL;

  plans = sp_plan_list (fixture.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plans), >, 0);
  *plan = g_list_model_get_item (plans, 0);
  return sp_plan_get_id (*plan);
}

static void
test_once_per_change (void)
{
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  SpPreferences *preferences;
  gint64 plan_id, target;
  guint generation;
  Counts before;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  /* The Targets, the Workload and the Work Log have read the workspace once, then are
   * hidden. */
  show_view (fixture.window, "targets");
  show_view (fixture.window, "workload");
  show_view (fixture.window, "worklog");
  show_view (fixture.window, "dashboard");
  show_view (second, "funnel");
  run_until_idle ();
  g_assert_cmpuint (sp_page_get_refresh_count (view (fixture.window, "targets")), ==, 1);
  g_assert_cmpuint (sp_page_get_refresh_count (view (fixture.window, "workload")), ==, 1);
  g_assert_cmpuint (sp_page_get_refresh_count (view (fixture.window, "worklog")), ==, 1);

  /* One edit through the model, as the Targets view makes it. */
  plan_id = first_plan (&plan);
  target = sp_plan_get_target (plan);
  count (&before);
  generation = sp_workspace_get_generation (sp_window_get_workspace (fixture.window));
  g_assert_true (sp_plan_set_targets (fixture.store, plan_id, target + 100,
                                      sp_plan_get_sprint (plan) + 100,
                                      sp_plan_get_challenge (plan) + 100, &error));
  g_assert_no_error (error);
  run_until_idle ();
  g_assert_cmpuint (sp_workspace_get_generation (sp_window_get_workspace (fixture.window)), ==,
                    generation + 1);
  assert_refreshed_once (&before);

  /* Its undo. */
  count (&before);
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "undo", NULL);
  run_until_idle ();
  assert_refreshed_once (&before);
  g_clear_object (&plan);
  first_plan (&plan);
  g_assert_cmpint (sp_plan_get_target (plan), ==, target);

  /* A preference. */
  count (&before);
  preferences = sp_window_get_preferences (fixture.window);
  g_assert_true (sp_preferences_set_currency (preferences, "USD", &error));
  g_assert_no_error (error);
  run_until_idle ();
  assert_refreshed_once (&before);

  /* Three changes missed, one refresh each when shown. */
  assert_catches_up ("targets");
  assert_catches_up ("workload");
  assert_catches_up ("worklog");

  gtk_window_destroy (GTK_WINDOW (second));
  second = NULL;
}

static void
setup (void)
{
  sp_ui_fixture_open (&fixture, "sp-refresh-XXXXXX", TRUE);
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1024, 768);
  gtk_window_present (GTK_WINDOW (fixture.window));
  second = sp_window_new (fixture.app, fixture.store);
  gtk_window_set_default_size (GTK_WINDOW (second), 1024, 768);
  gtk_window_present (GTK_WINDOW (second));
}

int
main (int   argc,
      char *argv[])
{
  sp_ui_test_init (&fixture, &argc, &argv);

  g_test_add_func ("/ui/refresh/once-per-change", test_once_per_change);

  return sp_ui_test_run (&fixture, setup);
}
