/* test-screenshots-jobs.c — test-screenshots' background jobs on the real window: the demo
 * filled in and imported with a progress bar, the window closed while filling, a workspace
 * that does not open, and an empty workspace's views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-screenshots"

#include "config.h"

#include <string.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-window-private.h"

#include "sp-ui-test-utils.h"
#include "test-screenshots-private.h"

static void
changed_cb (gboolean *changed)
{
  *changed = TRUE;
}

/* Runs @action (which starts one of the window's workers) and waits for the worker to
 * finish: it ends with SpStore::changed. */
static void
run_and_wait_for_changed (SpStore  *store,
                          void    (*action) (gpointer data),
                          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  gboolean changed = FALSE;
  gulong handler;

  handler = g_signal_connect_swapped (store, "changed", G_CALLBACK (changed_cb), &changed);
  action (data);
  while (!changed && g_get_monotonic_time () < deadline)
    sp_ui_spin (20);
  g_signal_handler_disconnect (store, handler);
  g_assert_true (changed);
}

static guint
count_items (GListModel *model)
{
  g_autoptr(GListModel) owned = model;

  g_assert_nonnull (owned);
  return g_list_model_get_n_items (owned);
}

typedef struct
{
  SpWindow *window;
  GDate     today;
} FillDemo;

static void
fill_demo (gpointer data)
{
  FillDemo *fill = data;

  sp_window_fill_demo (fill->window, &fill->today);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fill->window), "import"));
}

void
test_fill_demo (void)
{
  g_autofree char *path = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SpWorkspace *workspace;
  FillDemo fill;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  path = g_build_filename (fixture.dir, "first-run.db", NULL);
  store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (sp_rep_list (store, 0, NULL)), ==, 0);

  fill.window = sp_window_new (fixture.app, store);
  g_date_clear (&fill.today, 1);
  g_date_set_dmy (&fill.today, 15, G_DATE_SEPTEMBER, 2026);
  gtk_window_set_default_size (GTK_WINDOW (fill.window), 1024, 768);
  gtk_window_present (GTK_WINDOW (fill.window));
  wait_for_frames (GTK_WIDGET (fill.window), 1024, 768);

  /* What the window shows while a worker runs. */
  workspace = sp_window_get_workspace (fill.window);
  g_assert_nonnull (sp_workspace_begin_job (workspace,
                                            "Importing “Sales Plan 2026-09-15.salesplan”…",
                                            &error));
  g_assert_no_error (error);
  sp_workspace_set_progress (workspace, 0.4);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fill.window), "import"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fill.window), "undo"));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (fill.window->busy_progress), ==, 0.4);
  g_assert_true (gtk_widget_get_visible (fill.window->busy_box));
  wait_for_frames (GTK_WIDGET (fill.window), 1024, 768);
  screenshot (GTK_WIDGET (fill.window), "busy", 1024, 768);
  sp_workspace_end_job (workspace);
  g_assert_false (gtk_widget_get_visible (fill.window->busy_box));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fill.window), "import"));

  run_and_wait_for_changed (store, fill_demo, &fill);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fill.window), "import"));
  g_assert_cmpuint (count_items (sp_rep_list (store, 0, NULL)), >, 0);
  g_assert_cmpuint (count_items (sp_plan_list (store, NULL)), >, 0);
  wait_for_frames (GTK_WIDGET (fill.window), 1024, 768);
  screenshot (GTK_WIDGET (fill.window), "demo-ready", 1024, 768);

  gtk_window_destroy (GTK_WINDOW (fill.window));
}

/* Closing the window while the demo is generated cancels it; the window goes away once the
 * worker is done, without touching its disposed widgets. */
void
test_close_while_filling (void)
{
  g_autofree char *path = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  SpWindow *window;
  GDate today;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  path = g_build_filename (fixture.dir, "closed-early.db", NULL);
  store = sp_store_open (path, &error);
  g_assert_no_error (error);

  window = sp_window_new (fixture.app, store);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_SEPTEMBER, 2026);
  sp_window_fill_demo (window, &today);
  gtk_window_close (GTK_WINDOW (window));

  while (window != NULL && g_get_monotonic_time () < deadline)
    sp_ui_spin (20);
  g_assert_null (window);
}

static void
import_file (gpointer data)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "undo-import",
                                  g_variant_new_string (data));
}

/* win.undo-import imports a file (a backup) through the window's worker. */
void
test_import (void)
{
  g_autofree char *copy = NULL;
  g_autoptr(GError) error = NULL;
  guint plans;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  copy = g_build_filename (fixture.dir, "copy" SP_STORE_FILE_SUFFIX, NULL);
  g_assert_true (sp_store_export (fixture.store, copy, &error));
  g_assert_no_error (error);

  plans = count_items (sp_plan_list (fixture.store, NULL));
  g_assert_cmpint (sp_plan_add (fixture.store, 2031, "Test team", 100000, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (sp_plan_list (fixture.store, NULL)), ==, plans + 1);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "undo"));

  run_and_wait_for_changed (fixture.store, import_file, copy);
  g_assert_cmpuint (count_items (sp_plan_list (fixture.store, NULL)), ==, plans);
  /* An import clears the undo history. */
  g_assert_false (sp_store_can_undo (fixture.store));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture.window), "undo"));
}

/* A file that is not a workspace gets a dialog, and is left exactly as it was. */
void
test_open_error (void)
{
  static const char garbage[] = "This is not a Sales Planner workspace.\n";
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  gsize length;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  path = g_build_filename (fixture.dir, "notes.salesplan", NULL);
  g_assert_true (g_file_set_contents (path, garbage, -1, &error));

  sp_application_open_workspace (fixture.app, path);
  dialog = sp_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  wait_for_frames (GTK_WIDGET (dialog), 0, 0);
  screenshot (GTK_WIDGET (dialog), "open-error", gtk_widget_get_width (GTK_WIDGET (dialog)),
              gtk_widget_get_height (GTK_WIDGET (dialog)));
  gtk_window_destroy (dialog);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpmem (contents, length, garbage, strlen (garbage));
}

void
test_empty_workspace (void)
{
  g_autofree char *path = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SpWindow *window;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  path = g_build_filename (fixture.dir, "empty.db", NULL);
  store = sp_store_open (path, &error);
  g_assert_no_error (error);

  window = sp_window_new (fixture.app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-view",
                                  g_variant_new_string ("targets"));
  wait_for_frames (GTK_WIDGET (window), 1024, 768);
  screenshot (GTK_WIDGET (window), "targets-empty", 1024, 768);
  for (guint i = 0; i < 2; i++)
    {
      const char *view = i == 0 ? "worklog" : "workload";
      g_autofree char *name = g_strdup_printf ("%s-empty", view);

      g_action_group_activate_action (G_ACTION_GROUP (window), "show-view",
                                      g_variant_new_string (view));
      wait_for_frames (GTK_WIDGET (window), 1024, 768);
      screenshot (GTK_WIDGET (window), name, 1024, 768);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}
