/* sp-csv-import.c — the CSV importers' driver: the read loop (header mapping with --map
 * overrides, rejected rows with their lines, the field count, progress and cancellation) and
 * the preview / commit skeleton
 *
 * Both passes stream the file, so memory stays flat however many rows it holds: the preview
 * keeps counts and the first rejected rows and writes nothing; the commit reads the file
 * again and the importer writes as it reads, inside one edit (one undo step) or, for a file
 * over the undo limit, after a backup and without undo. A detached commit runs on a worker's
 * own connection and, within the limit, hands the rows it added to the window's store to
 * record as one undo step (see sp-store-detached.c). Nothing is written unless the whole
 * pass succeeds and no row was rejected (unless the options allow rejected rows).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-csv-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-csv-import-private.h"

/* Records between two looks at the cancellable and two progress reports. */
#define PROGRESS_EVERY 4096

static const SpHistoryImportOptions default_options = {
  SP_CSV_ENCODING_AUTO, SP_CSV_DATE_ORDER_AUTO, NULL, FALSE, 0
};

void
sp_csv_import_rejected_row_free (gpointer data)
{
  SpHistoryRejectedRow *row = data;

  g_free (row->message);
  g_free (row);
}

const SpCurrency *
sp_csv_import_store_currency (SpStore *store)
{
  g_autofree char *code = sp_store_get_setting (store, "currency");
  const SpCurrency *currency = code != NULL ? sp_currency_lookup (code) : NULL;

  return currency != NULL ? currency : sp_currency_lookup ("CNY");
}

static void
import_init (SpCsvImport                  *import,
             const SpCsvImporter          *importer,
             SpStore                      *store,
             const SpHistoryImportOptions *options,
             gboolean                      commit,
             SpHistoryProgressFunc         progress,
             gpointer                      progress_data,
             GCancellable                 *cancellable)
{
  *import = (SpCsvImport) { 0 };
  import->importer = importer;
  import->store = store;
  import->db = sp_store_get_db (store);
  import->options = options != NULL ? options : &default_options;
  import->currency = sp_csv_import_store_currency (store);
  import->commit = commit;
  import->progress = progress;
  import->progress_data = progress_data;
  import->cancellable = cancellable;
  import->data = importer->pass_new (import);
}

/* Frees the pass; returns its preview when @keep_preview. */
static gpointer
import_clear (SpCsvImport *import,
              gboolean     keep_preview)
{
  g_clear_pointer (&import->map, sp_csv_column_map_free);
  return import->importer->pass_free (import, keep_preview);
}

void
sp_csv_import_reject (SpCsvImport *import,
                      guint        line,
                      char        *message)
{
  SpHistoryRejectedRow *row;

  (*import->tally.rows_rejected)++;
  if (import->tally.rejected->len >= SP_HISTORY_IMPORT_MAX_REJECTED)
    {
      g_free (message);
      return;
    }
  row = g_new0 (SpHistoryRejectedRow, 1);
  row->line = line;
  row->message = message;
  g_ptr_array_add (import->tally.rejected, row);
}

void
sp_csv_import_reject_text (SpCsvImport *import,
                           guint        line,
                           const char  *message)
{
  /* Translators: a rejected CSV row: "Line 7: Unknown rep “Li Lei”" */
  sp_csv_import_reject (import, line, g_strdup_printf (_("Line %u: %s"), line, message));
}

char *
sp_csv_import_dup_cell (SpCsvImport        *import,
                        const char * const *cells,
                        guint               n_cells,
                        guint               field)
{
  const char *value = sp_csv_column_map_get_value (import->map, cells, n_cells, field);
  char *trimmed = g_strstrip (g_strdup (value));

  if (*trimmed == '\0')
    g_clear_pointer (&trimmed, g_free);
  return trimmed;
}

static void
set_error (SpCsvImport         *import,
           SpCsvImportFailure   failure,
           GError             **error)
{
  guint n = (guint) MIN (*import->tally.rows_rejected, G_MAXUINT);

  if (import->importer->set_error != NULL)
    import->importer->set_error (failure, *import->tally.rows_rejected, error);
  else if (failure == SP_CSV_IMPORT_FAILURE_EMPTY)
    g_set_error_literal (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_EMPTY,
                         _("The file is empty: it has no header row"));
  else
    g_set_error (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%u row cannot be imported; nothing was imported",
                              "%u rows cannot be imported; nothing was imported", n), n);
}

static gboolean
record_is_rejectable (const GError *error)
{
  return g_error_matches (error, SP_CSV_ERROR, SP_CSV_ERROR_ENCODING)
         || g_error_matches (error, SP_CSV_ERROR, SP_CSV_ERROR_STRAY_QUOTE);
}

/* Opens @file and maps its header. */
static SpCsvReader *
open_file (SpCsvImport  *import,
           GFile        *file,
           guint        *n_columns,
           GError      **error)
{
  const SpHistoryImportOptions *options = import->options;
  g_autoptr(GFileInputStream) stream = g_file_read (file, import->cancellable, error);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(SpCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  const char * const *header;
  const SpCsvField *fields;
  guint line, n_fields;

  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         import->cancellable, NULL);
  import->file_size = info != NULL ? (guint64) g_file_info_get_size (info) : 0;
  reader = sp_csv_reader_new (G_INPUT_STREAM (stream), options->encoding, error);
  if (reader == NULL)
    return NULL;
  sp_csv_reader_set_cancellable (reader, import->cancellable);
  if (!sp_csv_reader_next (reader, &header, n_columns, &line, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_error (import, SP_CSV_IMPORT_FAILURE_EMPTY, error);
      return NULL;
    }
  fields = import->importer->fields (&n_fields);
  import->map = sp_csv_column_map_from_header (fields, n_fields, header, *n_columns);
  for (guint i = 0; options->overrides != NULL && options->overrides[i] != NULL; i++)
    if (!sp_csv_column_map_apply_override (import->map, options->overrides[i], error))
      return NULL;
  if (!sp_csv_column_map_validate (import->map, error)
      || (import->importer->start != NULL
          && !import->importer->start (import, header, *n_columns, error)))
    return NULL;
  return g_steal_pointer (&reader);
}

static void
report_progress (SpCsvImport *import,
                 SpCsvReader *reader)
{
  if (import->progress != NULL)
    import->progress (sp_csv_reader_get_bytes_read (reader), import->file_size,
                      import->progress_data);
}

/* Reads the whole file once through the importer's callbacks. */
static gboolean
read_file (SpCsvImport  *import,
           GFile        *file,
           GError      **error)
{
  const SpCsvImportTally *tally = &import->tally;
  g_autoptr(SpCsvReader) reader = NULL;
  const char * const *cells;
  guint n_cells, line, n_columns;

  reader = open_file (import, file, &n_columns, error);
  if (reader == NULL)
    return FALSE;
  for (guint64 n_records = 1;; n_records++)
    {
      g_autoptr(GError) local_error = NULL;
      guint64 rejected_before = *tally->rows_rejected;

      if (!sp_csv_reader_next (reader, &cells, &n_cells, &line, &local_error)
          && (local_error == NULL || !record_is_rejectable (local_error)))
        {
          if (local_error == NULL)
            break;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      (*tally->rows_read)++;
      if (local_error != NULL
          || !sp_csv_reader_check_field_count (reader, n_columns, &local_error))
        sp_csv_import_reject (import, line, g_strdup (local_error->message));
      else if (!import->importer->record (import, cells, n_cells, line, error))
        return FALSE;
      else if (*tally->rows_rejected == rejected_before)
        (*tally->rows_accepted)++;

      if (n_records % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
            return FALSE;
          report_progress (import, reader);
        }
    }
  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return FALSE;
  *tally->encoding = sp_csv_reader_get_encoding (reader);
  report_progress (import, reader);
  return TRUE;
}

gpointer
sp_csv_import_run_preview (const SpCsvImporter          *importer,
                           SpStore                      *store,
                           GFile                        *file,
                           const SpHistoryImportOptions *options,
                           SpHistoryProgressFunc         progress,
                           gpointer                      user_data,
                           GCancellable                 *cancellable,
                           GError                      **error)
{
  SpCsvImport import;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  import_init (&import, importer, store, options, FALSE, progress, user_data, cancellable);
  return import_clear (&import, read_file (&import, file, error));
}

/* Begins the commit's edit: a detached one (see sp-store-detached.c) when the commit is
 * detached and within the undo limit. */
static gboolean
begin_edit (SpCsvImport      *import,
            SpStoreInserts  **inserts,
            GError          **error)
{
  const char *label = _(import->importer->edit_label);

  if (import->detached && import->undoable)
    return (*inserts = sp_store_begin_detached_edit (import->store, label, error)) != NULL;
  return sp_store_begin_edit (import->store, label, error);
}

/* Ends the commit's edit: committed when @ok, else rolled back. */
static gboolean
end_edit (SpCsvImport     *import,
          SpStoreInserts  *inserts,
          gboolean         ok,
          GError         **error)
{
  if (inserts != NULL)
    {
      if (ok)
        return sp_store_commit_detached_edit (import->store, inserts, error);
      sp_store_rollback_edit (import->store);
      return FALSE;
    }
  /* Without undo, the older steps could no longer be undone safely over the new rows. */
  if (ok && !import->undoable)
    ok = sp_undo_clear (import->db, error);
  if (ok)
    ok = sp_store_commit_edit (import->store, error);
  else
    sp_store_rollback_edit (import->store);
  /* An edit that recorded nothing did not announce itself. */
  if (ok && !import->undoable)
    sp_store_emit_changed (import->store);
  return ok;
}

static gboolean
run_commit (const SpCsvImporter          *importer,
            SpStore                      *store,
            gboolean                      detached,
            GFile                        *file,
            const SpHistoryImportOptions *options,
            SpHistoryProgressFunc         progress,
            gpointer                      user_data,
            GCancellable                 *cancellable,
            gpointer                     *out,
            GError                      **error)
{
  g_autoptr(SpStoreInserts) inserts = NULL;
  g_autoptr(GFileInfo) info = NULL;
  gboolean edit = importer->edit_label != NULL;
  gboolean refused = FALSE, ok;
  SpCsvImport import;
  char **backup_path;
  gpointer preview;
  guint64 limit;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_return_val_if_fail (!detached || edit, FALSE);

  import_init (&import, importer, store, options, TRUE, progress, user_data, cancellable);
  import.detached = detached;
  g_assert (!detached || import.tally.inserts != NULL);
  backup_path = import.tally.backup_path;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  ok = info != NULL;
  limit = import.options->undo_max_bytes > 0 ? import.options->undo_max_bytes
                                             : SP_HISTORY_IMPORT_UNDO_MAX_BYTES;
  import.undoable = ok && (guint64) g_file_info_get_size (info) <= limit;
  if (ok && !import.undoable)
    ok = (*backup_path = sp_store_backup (store, importer->backup_reason, error)) != NULL;

  if (ok && (!edit || begin_edit (&import, &inserts, error)))
    {
      /* Above the undo limit the rows are not recorded (the backup stands in for undo). */
      ok = (!edit || import.undoable || sp_undo_set_recording (import.db, FALSE, error))
           && read_file (&import, file, error);
      if (ok && *import.tally.rows_rejected > 0 && !import.options->allow_rejected)
        {
          set_error (&import, SP_CSV_IMPORT_FAILURE_REJECTED, error);
          refused = TRUE;
          ok = FALSE;
        }
      ok = ok && (importer->finish == NULL || importer->finish (&import, error));
      if (edit)
        ok = end_edit (&import, inserts, ok, error);
    }
  else
    ok = FALSE;

  if (!ok && *backup_path != NULL)
    {
      /* Nothing changed: the backup would only be clutter. */
      g_unlink (*backup_path);
      g_clear_pointer (backup_path, g_free);
    }
  if (ok && inserts != NULL)
    *import.tally.inserts = g_steal_pointer (&inserts);
  /* With the rows refused, the caller still wants to show which. */
  preview = import_clear (&import, out != NULL && (ok || refused));
  if (out != NULL)
    *out = preview;
  return ok;
}

gboolean
sp_csv_import_run_commit (const SpCsvImporter          *importer,
                          SpStore                      *store,
                          GFile                        *file,
                          const SpHistoryImportOptions *options,
                          SpHistoryProgressFunc         progress,
                          gpointer                      user_data,
                          GCancellable                 *cancellable,
                          gpointer                     *out,
                          GError                      **error)
{
  return run_commit (importer, store, FALSE, file, options, progress, user_data, cancellable,
                     out, error);
}

gboolean
sp_csv_import_run_commit_detached (const SpCsvImporter          *importer,
                                   SpStore                      *worker,
                                   GFile                        *file,
                                   const SpHistoryImportOptions *options,
                                   SpHistoryProgressFunc         progress,
                                   gpointer                      user_data,
                                   GCancellable                 *cancellable,
                                   gpointer                     *out,
                                   GError                      **error)
{
  return run_commit (importer, worker, TRUE, file, options, progress, user_data, cancellable,
                     out, error);
}
