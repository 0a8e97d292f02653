/* sp-undo.c — the undo/redo log: SQLite triggers record how to reverse every change
 *
 * Each user table gets three TEMP triggers that write, into a TEMP log table, the SQL that
 * undoes the row change (an INSERT is undone by a DELETE, an UPDATE by an UPDATE to the old
 * values, a DELETE by an INSERT of the old row). Applying a step runs its statements newest
 * first, while the same triggers record the opposite step on the other stack. Everything,
 * log included, is inside the edit's transaction, so a rollback leaves no trace.
 *
 * A bulk update (sp_undo_bulk_update(): many rows of one table from a staging table, e.g. a
 * team-wide breakdown edit) is one log entry instead of one per row: the rows' old values go
 * to sp_undo_rows under the entry's seq, the entry's SQL is one UPDATE that reads them back,
 * and the table's update trigger is set aside while the bulk statement runs. Applying such an
 * entry snapshots the current values the same way, so undo and redo stay one entry each.
 * (Those entries are sp-undo-bulk.c's.)
 *
 * Rows another connection inserted (sp_undo_record_inserts(): a worker's import, committed on
 * a connection of its own) become one step of this connection's log with one entry per table,
 * "delete the rows whose rowid is first..last". Applying it copies those rows into a TEMP
 * table of its own (sp_undo_kept_<seq>, named after the opposite entry it adds: "restore the
 * kept rows") and deletes them; applying that one puts the same rows back with the same
 * rowids, drops the copy and adds the delete entry again. The table's own delete or insert
 * trigger is set aside meanwhile, as for a bulk update; anything the statement cascades to in
 * other tables is recorded by their triggers as usual, so the reverse stays exact. Why the
 * rows are exactly those ids: sp-store-detached.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-undo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-store-private.h"

/* stack 0 is undo, 1 is redo. */
static const char undo_schema[] =
  "CREATE TEMP TABLE IF NOT EXISTS sp_undo_state ("
  "  id        INTEGER PRIMARY KEY CHECK (id = 1),"
  "  recording INTEGER NOT NULL,"
  "  stack     INTEGER NOT NULL,"
  "  step      INTEGER NOT NULL"
  ");"
  "INSERT OR IGNORE INTO sp_undo_state VALUES (1, 0, 0, 0);"
  "CREATE TEMP TABLE IF NOT EXISTS sp_undo_log ("
  "  seq   INTEGER PRIMARY KEY,"
  "  stack INTEGER NOT NULL,"
  "  step  INTEGER NOT NULL,"
  "  sql   TEXT NOT NULL,"
  "  kind  INTEGER NOT NULL DEFAULT 0,"
  "  bulk_table   TEXT,"
  "  bulk_columns TEXT,"
  "  first_id     INTEGER,"
  "  last_id      INTEGER"
  ");"
  "CREATE INDEX IF NOT EXISTS temp.sp_undo_log_by_step ON sp_undo_log (stack, step);"
  "CREATE TEMP TABLE IF NOT EXISTS sp_undo_step ("
  "  stack INTEGER NOT NULL,"
  "  step  INTEGER NOT NULL,"
  "  label TEXT NOT NULL,"
  "  PRIMARY KEY (stack, step)"
  ");"
  "CREATE TEMP TABLE IF NOT EXISTS sp_undo_rows ("
  "  entry INTEGER NOT NULL,"
  "  id    INTEGER NOT NULL,"
  "  v1, v2, v3, v4,"
  "  PRIMARY KEY (entry, id)"
  ") WITHOUT ROWID;";

/* The log entry every trigger writes; %s is the reverse SQL expression. */
#define LOG_INSERT \
  "INSERT INTO sp_undo_log (stack, step, sql) " \
  "SELECT stack, step, %s FROM sp_undo_state WHERE recording;"

char *
sp_undo_build_triggers (const char *table,
                GPtrArray  *columns)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) set_list = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new ("rowid");
  g_autoptr(GString) values = g_string_new ("old.rowid");
  g_autofree char *insert_reverse = NULL;
  g_autofree char *update_reverse = NULL;
  g_autofree char *delete_reverse = NULL;

  for (guint i = 0; i < columns->len; i++)
    {
      const char *col = g_ptr_array_index (columns, i);

      g_string_append_printf (set_list, "%s\"%s\"='||quote(old.\"%s\")||'",
                              i ? "," : "", col, col);
      g_string_append_printf (names, ",\"%s\"", col);
      g_string_append_printf (values, "||','||quote(old.\"%s\")", col);
    }

  insert_reverse = g_strdup_printf ("'DELETE FROM main.\"%s\" WHERE rowid='||new.rowid", table);
  update_reverse = g_strdup_printf ("'UPDATE main.\"%s\" SET %s WHERE rowid='||new.rowid",
                                    table, set_list->str);
  delete_reverse = g_strdup_printf ("'INSERT INTO main.\"%s\" (%s) VALUES ('||%s||')'",
                                    table, names->str, values->str);

  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS \"sp_undo_%s_insert\" "
                          "AFTER INSERT ON main.\"%s\" BEGIN " LOG_INSERT " END;",
                          table, table, insert_reverse);
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS \"sp_undo_%s_update\" "
                          "AFTER UPDATE ON main.\"%s\" BEGIN " LOG_INSERT " END;",
                          table, table, update_reverse);
  g_string_append_printf (sql,
                          "CREATE TEMP TRIGGER IF NOT EXISTS \"sp_undo_%s_delete\" "
                          "BEFORE DELETE ON main.\"%s\" BEGIN " LOG_INSERT " END;",
                          table, table, delete_reverse);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

gboolean
sp_undo_install (sqlite3  *db,
                 GError  **error)
{
  const char * const *tables = sp_migrations_user_tables ();

  if (!sp_sql_exec (db, undo_schema, error))
    return FALSE;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) columns = sp_sql_table_columns (db, "main", tables[i], error);
      g_autofree char *triggers = NULL;

      if (columns == NULL)
        return FALSE;

      triggers = sp_undo_build_triggers (tables[i], columns);
      if (!sp_sql_exec (db, triggers, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean ensure_triggers (sqlite3  *db,
                                 GError  **error);

static gboolean
set_state (sqlite3   *db,
           gboolean   recording,
           int        stack,
           gint64     step,
           GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    sp_sql_prepare (db, "UPDATE sp_undo_state SET recording = ?, stack = ?, step = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, recording ? 1 : 0);
  sqlite3_bind_int (stmt, 2, stack);
  sqlite3_bind_int64 (stmt, 3, step);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not record the change for undo"));

  return TRUE;
}

static gint64
query_int64 (sqlite3     *db,
             const char  *sql,
             int          stack,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, sql, error);
  gint64 value = -1;

  if (stmt == NULL)
    return -1;

  if (stack >= 0)
    sqlite3_bind_int (stmt, 1, stack);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else
    sp_sql_set_error (db, error, _("Could not read the undo history"));

  return value;
}

static gint64
top_step (sqlite3  *db,
          int       stack,
          GError  **error)
{
  return query_int64 (db, "SELECT coalesce(max(step), 0) FROM sp_undo_step WHERE stack = ?",
                      stack, error);
}

char *
sp_undo_kept_table_name (gint64 entry)
{
  return g_strdup_printf ("temp.\"sp_undo_kept_%" G_GINT64_FORMAT "\"", entry);
}

/* Drops the kept copies of the restore entries of @stack (and of @step, unless it is 0). */
static gboolean
drop_kept_tables (sqlite3  *db,
                  int       stack,
                  gint64    step,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    sp_sql_prepare (db, "SELECT seq FROM sp_undo_log WHERE kind = ? AND stack = ?"
                        " AND (?3 = 0 OR step = ?3)", error);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, SP_UNDO_ENTRY_RESTORE_RANGE);
  sqlite3_bind_int (stmt, 2, stack);
  sqlite3_bind_int64 (stmt, 3, step);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (entries, seq);
    }
  if (rc != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not read the undo history"));
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *name = sp_undo_kept_table_name (g_array_index (entries, gint64, i));
      g_autofree char *drop = g_strdup_printf ("DROP TABLE IF EXISTS %s", name);

      if (!sp_sql_exec (db, drop, error))
        return FALSE;
    }
  return TRUE;
}

/* A new step makes the redo stack meaningless. */
static gboolean
clear_redo (sqlite3  *db,
            GError  **error)
{
  return drop_kept_tables (db, 1, 0, error)
         && sp_sql_exec (db,
                         "DELETE FROM sp_undo_rows WHERE entry IN (SELECT seq FROM sp_undo_log"
                         " WHERE stack = 1 AND bulk_table IS NOT NULL);"
                         "DELETE FROM sp_undo_log WHERE stack = 1;"
                         "DELETE FROM sp_undo_step WHERE stack = 1;",
                         error);
}

gboolean
sp_undo_begin_step (sqlite3  *db,
                    GError  **error)
{
  gint64 step;

  if (!ensure_triggers (db, error))
    return FALSE;

  step = top_step (db, 0, error);
  if (step < 0)
    return FALSE;

  return set_state (db, TRUE, 0, step + 1, error);
}

gboolean
sp_undo_end_step (sqlite3     *db,
                  const char  *label,
                  gboolean    *had_changes,
                  GError     **error)
{
  gint64 step = query_int64 (db, "SELECT step FROM sp_undo_state", -1, error);
  gint64 rows;

  if (step < 0)
    return FALSE;

  rows = query_int64 (db, "SELECT count(*) FROM sp_undo_log WHERE stack = ? AND step = "
                          "(SELECT step FROM sp_undo_state)", 0, error);
  if (rows < 0 || !set_state (db, FALSE, 0, 0, error))
    return FALSE;

  *had_changes = rows > 0;
  if (rows == 0)
    return TRUE;

  {
    g_autoptr(sqlite3_stmt) stmt =
      sp_sql_prepare (db, "INSERT INTO sp_undo_step (stack, step, label) VALUES (0, ?, ?)", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, step);
    sqlite3_bind_text (stmt, 2, label, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      return sp_sql_set_error (db, error, _("Could not record the change for undo"));
  }

  return clear_redo (db, error);
}

/* Applying a step. */

typedef struct
{
  gint64  seq;
  int     kind;
  char   *sql;
  char   *bulk_table;
  char   *bulk_columns;
  gint64  first_id;
  gint64  last_id;
} LogEntry;

static void
clear_log_entry (gpointer data)
{
  LogEntry *entry = data;

  g_free (entry->sql);
  g_free (entry->bulk_table);
  g_free (entry->bulk_columns);
}

static gboolean
apply_entry (sqlite3   *db,
             LogEntry  *entry,
             int        stack,
             gint64     step,
             GError   **error)
{
  switch (entry->kind)
    {
    case SP_UNDO_ENTRY_BULK:
      return sp_undo_apply_bulk (db, entry->seq, entry->sql, entry->bulk_table,
                                 entry->bulk_columns, stack, step, error);
    case SP_UNDO_ENTRY_DELETE_RANGE:
      return sp_undo_apply_delete_range (db, entry->bulk_table, entry->first_id, entry->last_id,
                                         stack, step, error);
    case SP_UNDO_ENTRY_RESTORE_RANGE:
      return sp_undo_apply_restore_range (db, entry->seq, entry->bulk_table, entry->first_id,
                                          entry->last_id, stack, step, error);
    default:
      return sp_sql_exec (db, entry->sql, error);
    }
}

gboolean
sp_undo_record_inserts (sqlite3             *db,
                        const char          *label,
                        const SpUndoRange   *ranges,
                        guint                n_ranges,
                        GError             **error)
{
  g_autoptr(sqlite3_stmt) add_step = NULL;
  gint64 step;

  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (ranges != NULL || n_ranges == 0, FALSE);

  /* The cascades of a later undo are recorded by the triggers. */
  if (!ensure_triggers (db, error))
    return FALSE;

  for (guint i = 0; i < n_ranges; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT max (rowid) FROM main.\"%s\"",
                                              ranges[i].table);
      g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      g_return_val_if_fail (ranges[i].first_id > 0 && ranges[i].first_id <= ranges[i].last_id,
                            FALSE);
      /* Rows added after them would be no part of the step. */
      if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int64 (stmt, 0) != ranges[i].last_id)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                       _("The workspace was changed meanwhile: the added rows cannot be "
                         "recorded for undo"));
          return FALSE;
        }
    }

  step = top_step (db, 0, error);
  if (step < 0)
    return FALSE;
  step++;

  /* Parents first: applied newest first, children are deleted before their parents. */
  for (guint i = 0; i < n_ranges; i++)
    if (sp_undo_add_range_entry (db, 0, step, SP_UNDO_ENTRY_DELETE_RANGE, ranges[i].table,
                                 ranges[i].first_id, ranges[i].last_id, error) == 0)
      return FALSE;

  add_step = sp_sql_prepare (db, "INSERT INTO sp_undo_step (stack, step, label) VALUES (0, ?, ?)",
                             error);
  if (add_step == NULL)
    return FALSE;
  sqlite3_bind_int64 (add_step, 1, step);
  sqlite3_bind_text (add_step, 2, label, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (add_step) != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not record the change for undo"));

  return clear_redo (db, error);
}

gboolean
sp_undo_apply_step (sqlite3   *db,
                    gboolean   redo,
                    GError   **error)
{
  int from = redo ? 1 : 0;
  int to = redo ? 0 : 1;
  gint64 step = top_step (db, from, error);
  gint64 target_step;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (LogEntry));
  g_autofree char *label = NULL;

  if (step < 0)
    return FALSE;
  if (step == 0)
    {
      g_set_error_literal (error, SP_STORE_ERROR,
                           redo ? SP_STORE_ERROR_NOTHING_TO_REDO : SP_STORE_ERROR_NOTHING_TO_UNDO,
                           redo ? _("There is nothing to redo") : _("There is nothing to undo"));
      return FALSE;
    }

  target_step = top_step (db, to, error);
  if (target_step < 0)
    return FALSE;
  target_step++;

  {
    g_autoptr(sqlite3_stmt) stmt =
      sp_sql_prepare (db, "SELECT seq, kind, sql, bulk_table, bulk_columns, first_id, last_id"
                          " FROM sp_undo_log WHERE stack = ? AND step = ? ORDER BY seq DESC",
                      error);
    int rc;

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int (stmt, 1, from);
    sqlite3_bind_int64 (stmt, 2, step);
    g_array_set_clear_func (entries, clear_log_entry);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        LogEntry entry = {
          sqlite3_column_int64 (stmt, 0),
          sqlite3_column_int (stmt, 1),
          g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
          g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
          g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
          sqlite3_column_int64 (stmt, 5),
          sqlite3_column_int64 (stmt, 6),
        };

        g_array_append_val (entries, entry);
      }
    if (rc != SQLITE_DONE)
      return sp_sql_set_error (db, error, _("Could not read the undo history"));
  }

  {
    g_autoptr(sqlite3_stmt) stmt =
      sp_sql_prepare (db, "SELECT label FROM sp_undo_step WHERE stack = ? AND step = ?", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int (stmt, 1, from);
    sqlite3_bind_int64 (stmt, 2, step);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    else
      label = g_strdup ("");
  }

  /* Rows come back in the opposite order of their creation; parents and children may
   * meet their constraints only at the end of the step. */
  if (!sp_sql_exec (db, "PRAGMA defer_foreign_keys = ON;", error)
      || !set_state (db, TRUE, to, target_step, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      LogEntry *entry = &g_array_index (entries, LogEntry, i);

      if (!apply_entry (db, entry, to, target_step, error))
        return FALSE;
    }

  if (!set_state (db, FALSE, 0, 0, error)
      || !drop_kept_tables (db, from, step, error))
    return FALSE;

  {
    g_autoptr(sqlite3_stmt) del_rows =
      sp_sql_prepare (db, "DELETE FROM sp_undo_rows WHERE entry IN (SELECT seq FROM sp_undo_log"
                          " WHERE stack = ? AND step = ? AND bulk_table IS NOT NULL)", error);
    g_autoptr(sqlite3_stmt) del_log =
      sp_sql_prepare (db, "DELETE FROM sp_undo_log WHERE stack = ? AND step = ?", error);
    g_autoptr(sqlite3_stmt) del_step =
      sp_sql_prepare (db, "DELETE FROM sp_undo_step WHERE stack = ? AND step = ?", error);
    g_autoptr(sqlite3_stmt) add_step =
      sp_sql_prepare (db, "INSERT INTO sp_undo_step (stack, step, label) VALUES (?, ?, ?)", error);

    if (del_rows == NULL || del_log == NULL || del_step == NULL || add_step == NULL)
      return FALSE;
    sqlite3_bind_int (del_rows, 1, from);
    sqlite3_bind_int64 (del_rows, 2, step);
    sqlite3_bind_int (del_log, 1, from);
    sqlite3_bind_int64 (del_log, 2, step);
    sqlite3_bind_int (del_step, 1, from);
    sqlite3_bind_int64 (del_step, 2, step);
    sqlite3_bind_int (add_step, 1, to);
    sqlite3_bind_int64 (add_step, 2, target_step);
    sqlite3_bind_text (add_step, 3, label, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (del_rows) != SQLITE_DONE
        || sqlite3_step (del_log) != SQLITE_DONE
        || sqlite3_step (del_step) != SQLITE_DONE
        || sqlite3_step (add_step) != SQLITE_DONE)
      return sp_sql_set_error (db, error, _("Could not record the change for undo"));
  }

  return TRUE;
}

/* Bulk writes (imports, demo data) are not undoable: the triggers are dropped for them, as
 * even a trigger that records nothing costs a large share of a million-row insert. The
 * next edit puts them back. */
static gboolean
drop_triggers (sqlite3  *db,
               GError  **error)
{
  const char * const *tables = sp_migrations_user_tables ();
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; tables[i] != NULL; i++)
    g_string_append_printf (sql,
                            "DROP TRIGGER IF EXISTS temp.\"sp_undo_%s_insert\";"
                            "DROP TRIGGER IF EXISTS temp.\"sp_undo_%s_update\";"
                            "DROP TRIGGER IF EXISTS temp.\"sp_undo_%s_delete\";",
                            tables[i], tables[i], tables[i]);

  return sp_sql_exec (db, sql->str, error);
}

static gboolean
ensure_triggers (sqlite3  *db,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    sp_sql_prepare (db, "SELECT 1 FROM temp.sqlite_schema WHERE type = 'trigger' "
                        "AND name = 'sp_undo_setting_insert'", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;

  return sp_undo_install (db, error);
}

gboolean
sp_undo_set_recording (sqlite3   *db,
                       gboolean   recording,
                       GError   **error)
{
  gint64 step = 0;

  if (recording)
    {
      if (!ensure_triggers (db, error))
        return FALSE;
      step = top_step (db, 0, error);
      if (step < 0)
        return FALSE;
      step++;
    }
  else if (!drop_triggers (db, error))
    return FALSE;

  return set_state (db, recording, 0, step, error);
}

gboolean
sp_undo_clear (sqlite3  *db,
               GError  **error)
{
  return drop_kept_tables (db, 0, 0, error)
         && drop_kept_tables (db, 1, 0, error)
         && sp_sql_exec (db, "DELETE FROM sp_undo_rows; DELETE FROM sp_undo_log;"
                             " DELETE FROM sp_undo_step;", error);
}

char *
sp_undo_get_label (sqlite3 *db,
                   gboolean redo)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT label FROM sp_undo_step WHERE stack = ? "
                          "ORDER BY step DESC LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_int (stmt, 1, redo ? 1 : 0);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return NULL;
}
