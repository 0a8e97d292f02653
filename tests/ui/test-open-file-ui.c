/* test-open-file-ui.c — a .salesplan file opened the way Files opens it (g_application_open,
 * and the command line of Exec=sales-planner %U): the question, Import into the current
 * workspace (undoable), Open as a workspace of its own, Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-open-file-ui"

#include "config.h"

#include <string.h>

#include "sp-model.h"

#include "sp-application.h"
#include "sp-window-private.h"

#include "sp-ui-test-utils.h"

static SpUiFixture fixture;
static char *plan_file; /* a .salesplan with the demo's data */

static guint
n_plans (SpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plans = sp_plan_list (store, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (plans);
}

static AdwMessageDialog *
wait_for_question (void)
{
  GtkWindow *dialog = NULL;

  for (guint i = 0; i < 500 && dialog == NULL; i++)
    {
      sp_ui_spin (10);
      dialog = sp_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture.window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Open “Plan 2026.salesplan”?");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "open"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "open");
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  /* As a click on the button: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  for (guint i = 0; i < 500 && sp_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL; i++)
    sp_ui_spin (10);
  g_assert_null (sp_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
open_from_files (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (plan_file);
  GFile *files[] = { file };

  g_application_open (G_APPLICATION (fixture.app), files, 1, "");
}

static SpWindow *
window_on (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture.app)); l; l = l->next)
    if (SP_IS_WINDOW (l->data)
        && g_strcmp0 (sp_store_get_path (sp_window_get_store (l->data)), path) == 0)
      return l->data;
  return NULL;
}

static void
test_cancel (void)
{
  if (sp_ui_test_skip_no_display (&fixture))
    return;

  open_from_files ();
  answer (wait_for_question (), "cancel");
  sp_ui_spin (100);
  g_assert_cmpuint (n_plans (fixture.store), ==, 0);
  g_assert_null (window_on (plan_file));
}

static void
test_import (void)
{
  if (sp_ui_test_skip_no_display (&fixture))
    return;

  g_assert_cmpuint (n_plans (fixture.store), ==, 0);
  open_from_files ();
  answer (wait_for_question (), "import");

  /* The import runs in a worker, then the window reloads its store. */
  for (guint i = 0; i < 2000 && (sp_workspace_get_busy (fixture.window->workspace)
                                 || n_plans (fixture.store) == 0); i++)
    sp_ui_spin (10);
  g_assert_false (sp_workspace_get_busy (fixture.window->workspace));
  g_assert_cmpuint (n_plans (fixture.store), >, 0);
  /* Imported into the current workspace, not opened beside it. */
  g_assert_null (window_on (plan_file));
  g_assert_true (g_file_test (plan_file, G_FILE_TEST_IS_REGULAR));
}

static void
test_open_as_workspace (void)
{
  SpWindow *other;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  open_from_files ();
  answer (wait_for_question (), "open");
  other = window_on (plan_file);
  g_assert_nonnull (other);
  g_assert_true (other != fixture.window);
  g_assert_cmpuint (n_plans (sp_window_get_store (other)), >, 0);

  /* Opened again while its window is open: that window comes forward, no question. */
  open_from_files ();
  sp_ui_spin (100);
  g_assert_null (sp_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  gtk_window_destroy (GTK_WINDOW (other));
  sp_ui_spin (50);
}

/* Exec=sales-planner %U: the file arrives as a command-line argument. */
static gboolean
command_line_check_cb (gpointer user_data)
{
  gboolean *asked = user_data;
  GtkWindow *dialog = sp_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;

  *asked = TRUE;
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  /* The window stays open: end the run as the test's last step. */
  g_application_quit (G_APPLICATION (fixture.app));
  return G_SOURCE_REMOVE;
}

static void
test_command_line (void)
{
  g_autofree char *uri = NULL;
  char *argv[3] = { (char *) "sales-planner", NULL, NULL };
  gboolean asked = FALSE;
  guint source;
  int status;

  if (sp_ui_test_skip_no_display (&fixture))
    return;

  uri = g_filename_to_uri (plan_file, NULL, NULL);
  argv[1] = uri;
  /* The window is already there: the run ends when the question is answered. */
  source = g_timeout_add (20, command_line_check_cb, &asked);
  status = g_application_run (G_APPLICATION (fixture.app), 2, argv);
  if (!asked)
    g_source_remove (source);
  g_assert_true (asked);
  g_assert_cmpint (status, ==, 0);
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source_path = NULL;
  g_autoptr(SpStore) source = NULL;
  g_autofree char *path = NULL;
  GDate today;

  fixture.dir = g_dir_make_tmp ("sp-open-file-XXXXXX", &error);
  g_assert_no_error (error);

  source_path = g_build_filename (fixture.dir, "source.db", NULL);
  source = sp_store_open (source_path, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_SEPTEMBER, 2026);
  sp_demo_generate (source, SP_DEMO_SIZE_DEMO, SP_DEMO_DEFAULT_SEED, &today, NULL, NULL, NULL,
                    &error);
  g_assert_no_error (error);
  plan_file = g_build_filename (fixture.dir, "Plan 2026" SP_STORE_FILE_SUFFIX, NULL);
  g_assert_true (sp_store_export (source, plan_file, &error));
  g_assert_no_error (error);

  /* An empty workspace in the window: the import is what fills it. */
  path = g_build_filename (fixture.dir, "workspace.db", NULL);
  fixture.store = sp_store_open (path, &error);
  g_assert_no_error (error);

  fixture.app = sp_application_new ();
  g_assert_true (g_application_get_flags (G_APPLICATION (fixture.app))
                 & G_APPLICATION_HANDLES_OPEN);
  g_application_set_flags (G_APPLICATION (fixture.app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_COMMAND_LINE
                           | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (fixture.app), NULL, &error);
  g_assert_no_error (error);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  fixture.window = sp_window_new (fixture.app, fixture.store);
  gtk_window_present (GTK_WINDOW (fixture.window));
  sp_ui_spin (100);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sp_ui_test_init (&fixture, &argc, &argv);

  g_test_add_func ("/open-file-ui/cancel", test_cancel);
  g_test_add_func ("/open-file-ui/import", test_import);
  g_test_add_func ("/open-file-ui/open-as-workspace", test_open_as_workspace);
  g_test_add_func ("/open-file-ui/command-line", test_command_line);

  status = sp_ui_test_run (&fixture, setup);
  g_free (plan_file);
  return status;
}
