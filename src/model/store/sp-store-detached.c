/* sp-store-detached.c — edits on a worker's own connection, recorded as one undo step by the
 * window's store
 *
 * The undo log lives in a connection's TEMP tables, so an edit made on another connection to
 * the same file (a worker thread's, which keeps the window's connection and main loop free)
 * leaves nothing the window could undo. For an edit that only adds rows (an import) that is
 * enough to know which rows: SQLite gives a new row of a rowid table the largest rowid plus
 * one, and the edit holds the file's write lock from start to commit, so the rows it adds to
 * a table are exactly those above the largest rowid it had at the start. The worker notes
 * those (sp_store_begin_detached_edit()), checks at the end that the edit did nothing else
 * (every row above is there, and SQLite's count of changed rows equals the number of rows
 * added) and hands the ranges over (SpStoreInserts). The window's store then records them as
 * one step (sp_store_record_inserts(), see sp_undo_record_inserts()): a few small statements
 * on the main thread whatever the size of the import; undo deletes the ranges, redo puts the
 * same rows back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-store-private.h"

struct _SpStoreInserts
{
  char    *label;
  GArray  *ranges;    /* SpUndoRange, in the order of sp_migrations_user_tables() */
  gint64  *before;    /* each user table's largest rowid at the start; NULL once committed */
  gint64   changes;   /* sqlite3_total_changes64() at the start */
  guint64  n_rows;
};

void
sp_store_inserts_free (SpStoreInserts *inserts)
{
  if (inserts == NULL)
    return;
  g_free (inserts->label);
  g_array_unref (inserts->ranges);
  g_free (inserts->before);
  g_free (inserts);
}

guint64
sp_store_inserts_get_n_rows (const SpStoreInserts *inserts)
{
  g_return_val_if_fail (inserts != NULL, 0);

  return inserts->n_rows;
}

static gboolean
query_one (sqlite3     *db,
           const char  *sql,
           gint64       bound,
           gint64      *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, bound);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sp_sql_set_error (db, error, _("Could not count the rows added"));
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Table names are the model's own constants. */
static gboolean
max_rowid (sqlite3     *db,
           const char  *table,
           gint64      *out,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (rowid), 0) FROM main.\"%s\"",
                                          table);

  return query_one (db, sql, 0, out, error);
}

static gboolean
count_above (sqlite3     *db,
             const char  *table,
             gint64       rowid,
             gint64      *out,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM main.\"%s\" WHERE rowid > ?1",
                                          table);

  return query_one (db, sql, rowid, out, error);
}

SpStoreInserts *
sp_store_begin_detached_edit (SpStore     *self,
                              const char  *label,
                              GError     **error)
{
  const char * const *tables = sp_migrations_user_tables ();
  g_autoptr(SpStoreInserts) inserts = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (!sp_store_begin_edit (self, label, error))
    return NULL;

  db = sp_store_get_db (self);
  inserts = g_new0 (SpStoreInserts, 1);
  inserts->label = g_strdup (label);
  inserts->ranges = g_array_new (FALSE, FALSE, sizeof (SpUndoRange));
  inserts->before = g_new0 (gint64, g_strv_length ((char **) tables));

  /* This connection records nothing (its log would be thrown away), and its triggers, which
   * cost even when they record nothing, are set aside until its next edit. */
  if (!sp_undo_set_recording (db, FALSE, error))
    {
      sp_store_rollback_edit (self);
      return NULL;
    }
  for (guint i = 0; tables[i] != NULL; i++)
    if (!max_rowid (db, tables[i], &inserts->before[i], error))
      {
        sp_store_rollback_edit (self);
        return NULL;
      }
  inserts->changes = sqlite3_total_changes64 (db);

  return g_steal_pointer (&inserts);
}

static gboolean
measure_inserts (sqlite3         *db,
                 SpStoreInserts  *inserts,
                 GError         **error)
{
  const char * const *tables = sp_migrations_user_tables ();
  gint64 changes = sqlite3_total_changes64 (db) - inserts->changes;
  gboolean only_inserts = TRUE;

  for (guint i = 0; tables[i] != NULL && only_inserts; i++)
    {
      gint64 before = inserts->before[i];
      gint64 last = 0;
      gint64 above = 0;

      if (!max_rowid (db, tables[i], &last, error)
          || !count_above (db, tables[i], before, &above, error))
        return FALSE;
      only_inserts = last >= before && above == last - before;
      if (only_inserts && last > before)
        {
          SpUndoRange range = { tables[i], before + 1, last };

          g_array_append_val (inserts->ranges, range);
          inserts->n_rows += (guint64) (last - before);
        }
    }

  /* A gap above the old largest rowid, a row put below it, an update or a delete: the edit
   * did more than add rows, and could not be undone as such. */
  if (!only_inserts || (gint64) inserts->n_rows != changes)
    {
      g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                           _("The change did more than add rows, so it could not be undone; "
                             "nothing was saved"));
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_store_commit_detached_edit (SpStore         *self,
                               SpStoreInserts  *inserts,
                               GError         **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (inserts != NULL && inserts->before != NULL, FALSE);
  g_return_val_if_fail (sp_store_in_edit (self), FALSE);

  if (!measure_inserts (sp_store_get_db (self), inserts, error))
    {
      sp_store_rollback_edit (self);
      g_array_set_size (inserts->ranges, 0);
      inserts->n_rows = 0;
      return FALSE;
    }
  if (!sp_store_commit_edit (self, error))
    return FALSE;

  g_clear_pointer (&inserts->before, g_free);
  return TRUE;
}

gboolean
sp_store_record_inserts (SpStore               *self,
                         const SpStoreInserts  *inserts,
                         GError               **error)
{
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (inserts != NULL, FALSE);
  g_return_val_if_fail (inserts->before == NULL, FALSE);
  g_return_val_if_fail (!sp_store_in_edit (self), FALSE);

  if (inserts->ranges->len == 0)
    return TRUE;

  db = sp_store_get_db (self);
  if (sp_store_refuse_write (self, error)
      || !sp_sql_exec (db, "BEGIN IMMEDIATE;", error))
    {
      sp_store_reload (self);
      return FALSE;
    }
  if (!sp_undo_record_inserts (db, inserts->label, (const SpUndoRange *) inserts->ranges->data,
                               inserts->ranges->len, error)
      || !sp_sql_exec (db, "COMMIT;", error))
    {
      if (sqlite3_get_autocommit (db) == 0)
        sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      sp_store_reload (self);
      return FALSE;
    }

  sp_store_emit_changed (self);
  return TRUE;
}
