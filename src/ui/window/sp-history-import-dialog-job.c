/* sp-history-import-dialog-job.c — the history import dialog's worker: the file's header row,
 * the preview and the commit, off the main thread
 *
 * Threads and connections: each job opens its own connection to the workspace file in its
 * thread and closes it there; the window's store is never touched from the worker. A preview
 * only reads. The commit writes on that connection (sp_history_import_commit_detached(), which
 * records nothing for undo there) while the window's connection stays free to read; back on
 * the main thread the dialog hands the result to the window's store
 * (sp_history_import_record()), which makes the import one step of its own undo history and
 * emits "changed" once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-history-import-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-history-import-dialog-private.h"

SpHistoryJob *
_sp_history_job_new (void)
{
  SpHistoryJob *job = g_new0 (SpHistoryJob, 1);

  for (guint f = 0; f < SP_CSV_HISTORY_N_FIELDS; f++)
    job->columns[f] = -1;
  return job;
}

void
_sp_history_job_free (SpHistoryJob *job)
{
  if (job == NULL)
    return;
  g_clear_object (&job->store);
  g_free (job->workspace);
  g_clear_object (&job->file);
  g_strfreev (job->overrides);
  g_strfreev (job->headers);
  g_clear_pointer (&job->preview, sp_history_preview_free);
  g_clear_error (&job->error);
  g_free (job);
}

/* Called from the worker thread. */
static void
progress_cb (guint64  bytes_read,
             guint64  bytes_total,
             gpointer user_data)
{
  SpHistoryJob *job = user_data;

  if (bytes_total > 0)
    g_atomic_int_set (&job->permille, (int) (MIN (bytes_read, bytes_total) * 1000 / bytes_total));
}

/* The header row and how the importer maps it with the overrides, for the column choosers. */
static gboolean
read_header (SpHistoryJob  *job,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(SpCsvReader) reader = NULL;
  g_autoptr(SpCsvColumnMap) map = NULL;
  const char * const *fields = NULL;
  const SpCsvField *table;
  guint n_fields = 0, n_table, line;

  stream = g_file_read (job->file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  reader = sp_csv_reader_new (G_INPUT_STREAM (stream), job->encoding, error);
  if (reader == NULL)
    return FALSE;
  sp_csv_reader_set_cancellable (reader, cancellable);
  /* An unreadable or missing header row is the preview's to report, in its own words. */
  if (!sp_csv_reader_next (reader, &fields, &n_fields, &line, NULL))
    return TRUE;

  job->headers = g_new0 (char *, n_fields + 1);
  for (guint c = 0; c < n_fields; c++)
    job->headers[c] = g_strdup (fields[c]);

  table = sp_csv_history_fields (&n_table);
  map = sp_csv_column_map_from_header (table, n_table, fields, n_fields);
  /* A bad override is reported by the preview too; the map just skips it. */
  for (guint i = 0; job->overrides != NULL && job->overrides[i] != NULL; i++)
    sp_csv_column_map_apply_override (map, job->overrides[i], NULL);
  for (guint f = 0; f < MIN (n_table, SP_CSV_HISTORY_N_FIELDS); f++)
    job->columns[f] = sp_csv_column_map_get_column (map, f);
  return TRUE;
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  SpHistoryJob *job = task_data;
  SpHistoryImportOptions options = { 0 };

  options.encoding = job->encoding;
  options.date_order = job->date_order;
  options.overrides = (const char * const *) job->overrides;

  job->store = sp_store_open (job->workspace, &job->error);
  if (job->store != NULL && job->commit)
    {
      /* Bad rows were shown in the preview: importing is accepting that they are skipped. */
      options.allow_rejected = TRUE;
      sp_history_import_commit_detached (job->store, job->file, &options, progress_cb, job,
                                         cancellable, &job->preview, &job->error);
    }
  else if (job->store != NULL && read_header (job, cancellable, &job->error))
    job->preview = sp_history_import_preview (job->store, job->file, &options, progress_cb,
                                              job, cancellable, &job->error);
  /* Closed here, in the thread that used it. */
  g_clear_object (&job->store);

  g_task_return_boolean (task, TRUE);
}

GTask *
_sp_history_job_run (gpointer             source_object,
                     SpHistoryJob        *job,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);

  g_task_set_source_tag (task, _sp_history_job_run);
  g_task_set_task_data (task, job, (GDestroyNotify) _sp_history_job_free);
  g_task_run_in_thread (task, run_job);
  return task;
}
