/* sp-window-io.c — the window's long-running work: demo data, import and export
 *
 * Importing order history has its own dialog (sp-history-import-dialog.c).
 *
 * Each job runs in a GTask thread on its own connection to the workspace file (SQLite's WAL
 * lets it write while this window's connection stays idle) as the workspace's one job (the
 * window turns insensitive and shows its progress); afterwards the window's store is told to
 * reload (sp_store_reload()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-display.h"
#include "sp-model.h"

#include "sp-history-import-dialog.h"
#include "sp-window-io.h"
#include "sp-window-private.h"
#include "sp-window-report.h"

typedef enum
{
  JOB_DEMO,
  JOB_IMPORT,
  JOB_UNDO_IMPORT,
  JOB_EXPORT,
} JobKind;

typedef struct
{
  JobKind   kind;
  SpWindow *window;        /* owned: progress reports reach it from the worker */
  char     *workspace;     /* the window's file, opened again by the worker */
  char     *other;         /* the file imported or exported */
  GDate     today;
  double    reported;
} Job;

typedef struct
{
  SpWindow *window;
  double    fraction;
} Progress;

static void
job_free (Job *job)
{
  g_clear_object (&job->window);
  g_free (job->workspace);
  g_free (job->other);
  g_free (job);
}

static gboolean
report_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;

  /* The window may have been closed meanwhile; the workspace outlives its widgets. */
  if (progress->window->workspace != NULL)
    sp_workspace_set_progress (progress->window->workspace, progress->fraction);

  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer user_data)
{
  Progress *progress = user_data;

  g_object_unref (progress->window);
  g_free (progress);
}

/* Called from the worker thread. */
static void
demo_progress (double   fraction,
               gpointer user_data)
{
  Job *job = user_data;
  Progress *progress;

  /* The generator may report thousands of times; the bar needs a hundred at most. */
  if (fraction < 1.0 && fraction - job->reported < 0.01)
    return;
  job->reported = fraction;

  progress = g_new0 (Progress, 1);
  progress->window = g_object_ref (job->window);
  progress->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, report_progress_cb, progress,
                              progress_free);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  gboolean ok = FALSE;

  if (!(store = sp_store_open (job->workspace, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch (job->kind)
    {
    case JOB_DEMO:
      ok = sp_demo_generate (store, SP_DEMO_SIZE_DEMO, SP_DEMO_DEFAULT_SEED, &job->today,
                             demo_progress, job, cancellable, &error);
      break;

    case JOB_IMPORT:
    case JOB_UNDO_IMPORT:
      ok = sp_store_import (store, job->other, &backup, &error);
      break;

    case JOB_EXPORT:
      ok = sp_store_export (store, job->other, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&backup), g_free);
}

static void job_done_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data);

static void
add_toast (SpWindow   *self,
           const char *title,
           const char *button,
           const char *action,
           GVariant   *target)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  if (button != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
      adw_toast_set_action_target_value (toast, target);
      adw_toast_set_timeout (toast, 10);
    }
  sp_window_add_toast (self, toast);
}

static void
start_job (SpWindow    *self,
           JobKind      kind,
           const char  *other,
           const GDate *today,
           const char  *message)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  Job *job;

  cancellable = sp_workspace_begin_job (self->workspace, message, &error);
  if (cancellable == NULL)
    {
      add_toast (self, error->message, NULL, NULL, NULL);
      return;
    }
  sp_workspace_set_progress (self->workspace, kind == JOB_DEMO ? 0.0 : -1.0);

  job = g_new0 (Job, 1);
  job->kind = kind;
  job->window = g_object_ref (self);
  job->workspace = g_strdup (sp_store_get_path (self->store));
  job->other = g_strdup (other);
  g_date_clear (&job->today, 1);
  if (today != NULL)
    job->today = *today;

  /* A closed window still waits for its worker to roll back before the process ends. */
  g_application_hold (g_application_get_default ());

  task = g_task_new (self, cancellable, job_done_cb, GINT_TO_POINTER (kind));
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (object);
  JobKind kind = GPOINTER_TO_INT (user_data);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  backup = g_task_propagate_pointer (G_TASK (result), &error);
  g_application_release (g_application_get_default ());
  sp_workspace_end_job (self->workspace);

  /* The window was closed meanwhile: nothing left to show. */
  if (self->stack == NULL)
    return;

  if (kind != JOB_EXPORT)
    _sp_window_reload (self);

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      switch (kind)
        {
        case JOB_DEMO:
          /* Translators: %s is the reason */
          title = g_strdup_printf (_("The demo workspace could not be created: %s"),
                                   error->message);
          add_toast (self, title, NULL, NULL, NULL);
          break;

        case JOB_IMPORT:
        case JOB_UNDO_IMPORT:
          _sp_window_show_error (self, _("Cannot Import the Workspace"), error);
          break;

        case JOB_EXPORT:
          _sp_window_show_error (self, _("Cannot Export the Workspace"), error);
          break;

        default:
          g_assert_not_reached ();
        }
      return;
    }

  name = job->other ? g_filename_display_basename (job->other) : NULL;
  switch (kind)
    {
    case JOB_DEMO:
      add_toast (self, _("Demo workspace ready: explore it, then import your own data"),
                 NULL, NULL, NULL);
      break;

    case JOB_IMPORT:
      /* Translators: %s is a file name */
      title = g_strdup_printf (_("Imported “%s”"), name);
      if (backup != NULL)
        add_toast (self, title, _("_Undo"), "win.undo-import", g_variant_new_string (backup));
      else
        add_toast (self, title, NULL, NULL, NULL);
      break;

    case JOB_UNDO_IMPORT:
      add_toast (self, _("Import undone"), NULL, NULL, NULL);
      break;

    case JOB_EXPORT:
      /* Translators: %s is a file name */
      title = g_strdup_printf (_("Exported to “%s”"), name);
      add_toast (self, title, NULL, NULL, NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
sp_window_fill_demo (SpWindow    *self,
                     const GDate *today)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  if (sp_workspace_get_busy (self->workspace))
    return;

  start_job (self, JOB_DEMO, NULL, today, _("Preparing the demo workspace…"));
}

static void
fill_demo_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  SpWindow *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  sp_window_fill_demo (self, &today);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) ours = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (ours, _("Sales Planner Files"));
  gtk_file_filter_add_pattern (ours, "*" SP_STORE_FILE_SUFFIX);
  gtk_file_chooser_add_filter (chooser, ours);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, ours);
}

static void
set_folder_from_settings (SpWindow       *self,
                          GtkFileChooser *chooser,
                          const char     *key)
{
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->settings != NULL)
    folder = g_settings_get_string (self->settings, key);
  if (folder == NULL || folder[0] == '\0')
    folder = g_strdup (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return;

  file = g_file_new_for_path (folder);
  gtk_file_chooser_set_current_folder (chooser, file, NULL);
}

/* Returns the chosen file's path and remembers its folder under @key. */
static char *
take_chosen_path (SpWindow             *self,
                  GtkFileChooserNative *native,
                  const char           *key)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_autoptr(GFile) parent = NULL;
  g_autofree char *folder = NULL;

  if (file == NULL)
    return NULL;

  parent = g_file_get_parent (file);
  folder = parent ? g_file_get_path (parent) : NULL;
  if (self->settings != NULL && folder != NULL)
    g_settings_set_string (self->settings, key, folder);

  return g_file_get_path (file);
}

gboolean
sp_window_import_file (SpWindow   *self,
                       const char *path)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The window may have been closed meanwhile, or be busy with another job. */
  if (self->stack == NULL || sp_workspace_get_busy (self->workspace))
    return FALSE;

  name = g_filename_display_basename (path);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Importing “%s”…"), name);
  start_job (self, JOB_IMPORT, path, NULL, message);
  return TRUE;
}

/* The file a "Replace the Workspace?" dialog asks about; freed with the dialog. */
typedef struct
{
  SpWindow *window;   /* owned */
  char     *path;
} ImportConfirm;

static void
import_confirm_free (gpointer  data,
                     GClosure *closure)
{
  ImportConfirm *confirm = data;

  g_object_unref (confirm->window);
  g_free (confirm->path);
  g_free (confirm);
}

static void
import_confirm_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            ImportConfirm    *confirm)
{
  if (g_strcmp0 (response, "replace") != 0)
    return;

  sp_window_import_file (confirm->window, confirm->path);
}

static void
import_chooser_response_cb (SpWindow             *self,
                            int                   response,
                            GtkFileChooserNative *native)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  ImportConfirm *confirm;

  if (response == GTK_RESPONSE_ACCEPT)
    path = take_chosen_path (self, native, "last-import-folder");
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);

  if (path == NULL)
    return;

  name = g_filename_display_basename (path);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Replace the Workspace?"), NULL));
  /* Translators: %s is a file name */
  adw_message_dialog_format_body (dialog, _("Replace the current workspace with “%s”? "
                                            "A backup is kept."), name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  confirm = g_new0 (ImportConfirm, 1);
  confirm->window = g_object_ref (self);
  confirm->path = g_steal_pointer (&path);
  g_signal_connect_data (dialog, "response", G_CALLBACK (import_confirm_response_cb), confirm,
                         import_confirm_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  SpWindow *self = user_data;
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Workspace"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native));
  set_folder_from_settings (self, GTK_FILE_CHOOSER (native), "last-import-folder");
  g_signal_connect_object (native, "response", G_CALLBACK (import_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
undo_import_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  SpWindow *self = user_data;

  if (sp_workspace_get_busy (self->workspace))
    return;

  start_job (self, JOB_UNDO_IMPORT, g_variant_get_string (param, NULL), NULL,
             _("Restoring the workspace as it was before the import…"));
}

static void
export_chooser_response_cb (SpWindow             *self,
                            int                   response,
                            GtkFileChooserNative *native)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    path = take_chosen_path (self, native, "last-export-folder");
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);

  if (path == NULL || sp_workspace_get_busy (self->workspace))
    return;

  if (!g_str_has_suffix (path, SP_STORE_FILE_SUFFIX))
    {
      char *with_suffix = g_strconcat (path, SP_STORE_FILE_SUFFIX, NULL);

      g_free (path);
      path = with_suffix;
    }

  start_job (self, JOB_EXPORT, path, NULL, _("Exporting the workspace…"));
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  SpWindow *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  native = gtk_file_chooser_native_new (_("Export Workspace"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native));
  set_folder_from_settings (self, GTK_FILE_CHOOSER (native), "last-export-folder");
  /* Translators: the suggested file name of an export; %s is today's date */
  name = g_strdup_printf (_("Sales Plan %s"), day);
  file_name = g_strconcat (name, SP_STORE_FILE_SUFFIX, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_signal_connect_object (native, "response", G_CALLBACK (export_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
history_imported_cb (SpWindow   *self,
                     guint64     orders,
                     const char *backup,
                     GtkWidget  *dialog)
{
  gulong n = (gulong) MIN (orders, G_MAXUINT);
  g_autofree char *count = sp_display_count (orders);
  g_autofree char *title = NULL;

  /* Translators: %s is a count grouped as the import's preview shows it, "2,000" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s order",
                                        "Imported %s orders", n), count);
  /* The dialog recorded the import as one step of this window's undo history, unless the
   * file was too large to undo, when a backup was made first. */
  if (backup != NULL)
    add_toast (self, title, _("_Undo"), "win.undo-import", g_variant_new_string (backup));
  else
    add_toast (self, title, _("_Undo"), "win.undo", NULL);
}

static void
import_history_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  SpWindow *self = user_data;
  GtkWidget *dialog;

  if (sp_workspace_get_busy (self->workspace))
    return;

  dialog = sp_history_import_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (history_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry io_actions[] = {
  { "import", import_activated },
  { "import-history", import_history_activated },
  { "export", export_activated },
  { "undo-import", undo_import_activated, "s" },
  { "fill-demo", fill_demo_activated },
};

void
_sp_window_io_init (SpWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), io_actions, G_N_ELEMENTS (io_actions),
                                   self);
  _sp_window_report_init (self);
}
