/* sp-window-report.c — win.export-report: the PDF meeting report of the current fiscal year
 *
 * A file chooser, then a worker thread that opens the workspace through its own connection
 * and writes the report with sp_report_build() and sp_report_write_pdf(), the code behind
 * "sales-planner-cli report", as the workspace's one job; a toast says how it went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-report-builder.h"
#include "sp-window-private.h"
#include "sp-window-report.h"

typedef struct
{
  char  *workspace;
  char  *output;
  GDate  today;
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_free (job->workspace);
  g_free (job->output);
  g_free (job);
}

static void
write_report_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpReportSource) source = NULL;
  g_autoptr(SpReport) report = NULL;
  g_autoptr(GError) error = NULL;

  store = sp_store_open (job->workspace, &error);
  if (store != NULL)
    {
      source = sp_report_source_new (store, 0, &job->today);
      report = sp_report_build (source, SP_BREAKDOWN_PERIOD_MONTH, &error);
    }
  if (report != NULL && sp_report_write_pdf (report, job->output, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
write_report_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (object);
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (job->output);
  g_autofree char *title = NULL;

  g_application_release (g_application_get_default ());
  sp_workspace_end_job (self->workspace);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    /* Translators: %s is the reason */
    title = g_strdup_printf (_("The report could not be written: %s"), error->message);
  else
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("Report saved to “%s”"), name);
  if (self->toast_overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, error != NULL ? 10 : 5);
      sp_window_add_toast (self, toast);
    }
}

static void
export_report_response_cb (SpWindow             *self,
                           int                   response,
                           GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  ReportJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      char *with_suffix = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_suffix;
    }

  now = g_date_time_new_now_local ();
  job = g_new0 (ReportJob, 1);
  job->workspace = g_strdup (sp_store_get_path (self->store));
  job->output = g_steal_pointer (&path);
  g_date_clear (&job->today, 1);
  g_date_set_dmy (&job->today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  cancellable = sp_workspace_begin_job (self->workspace, _("Writing the report…"), &error);
  if (cancellable == NULL)
    {
      sp_window_add_toast (self, adw_toast_new (error->message));
      report_job_free (job);
      return;
    }
  sp_workspace_set_progress (self->workspace, -1.0);

  g_application_hold (g_application_get_default ());
  task = g_task_new (self, cancellable, write_report_done_cb, NULL);
  g_task_set_source_tag (task, export_report_response_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) report_job_free);
  g_task_run_in_thread (task, write_report_thread);
}

static void
export_report_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  SpWindow *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (sp_workspace_get_busy (self->workspace))
    return;

  native = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Translators: the suggested file name of the PDF report; %s is today's date */
  name = g_strdup_printf (_("Sales Report %s.pdf"), day);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (export_report_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static const GActionEntry report_actions[] = {
  { "export-report", export_report_activated },
};

void
_sp_window_report_init (SpWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), report_actions,
                                   G_N_ELEMENTS (report_actions), self);
}
