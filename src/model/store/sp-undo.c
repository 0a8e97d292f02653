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
  "  bulk_table   TEXT,"
  "  bulk_columns TEXT"
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

static char *
build_triggers (const char *table,
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

      triggers = build_triggers (tables[i], columns);
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

  /* A new edit makes the redo stack meaningless. */
  return sp_sql_exec (db,
                      "DELETE FROM sp_undo_rows WHERE entry IN (SELECT seq FROM sp_undo_log"
                      " WHERE stack = 1 AND bulk_table IS NOT NULL);"
                      "DELETE FROM sp_undo_log WHERE stack = 1;"
                      "DELETE FROM sp_undo_step WHERE stack = 1;",
                      error);
}

/* Bulk updates. */

typedef struct
{
  gint64  seq;
  char   *sql;
  char   *bulk_table;
  char   *bulk_columns;
} LogEntry;

static void
clear_log_entry (gpointer data)
{
  LogEntry *entry = data;

  g_free (entry->sql);
  g_free (entry->bulk_table);
  g_free (entry->bulk_columns);
}

#define BULK_MAX_COLUMNS 4

static gboolean
read_state (sqlite3   *db,
            gboolean  *recording,
            int       *stack,
            gint64    *step,
            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    sp_sql_prepare (db, "SELECT recording, stack, step FROM sp_undo_state", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sp_sql_set_error (db, error, _("Could not read the undo history"));

  *recording = sqlite3_column_int (stmt, 0) != 0;
  *stack = sqlite3_column_int (stmt, 1);
  *step = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* The UPDATE that sets @columns of the rows of @table listed in @source (a FROM item "AS s"
 * with an "id" column; @filter: a condition on it, or NULL) to the source's values: columns
 * v1, v2 … when @numbered, else columns of the same names. A row-value subquery per row
 * beats UPDATE … FROM, which SQLite plans as a scan of the table's widest index. */
static char *
bulk_update_sql (const char         *table,
                 const char * const *columns,
                 const char         *source,
                 const char         *filter,
                 gboolean            numbered)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "UPDATE main.\"%s\" AS t SET (", table);
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", columns[i]);
  g_string_append (sql, ") = (SELECT ");
  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (numbered)
        g_string_append_printf (sql, "%ss.v%u", i ? ", " : "", i + 1);
      else
        g_string_append_printf (sql, "%ss.\"%s\"", i ? ", " : "", columns[i]);
    }
  g_string_append_printf (sql, " FROM %s WHERE %s%ss.id = t.rowid)"
                               " WHERE t.rowid IN (SELECT s.id FROM %s%s%s)",
                          source, filter ? filter : "", filter ? " AND " : "",
                          source, filter ? " WHERE " : "", filter ? filter : "");

  return g_string_free (sql, FALSE);
}

static char *
bulk_reverse_sql (const char         *table,
                  const char * const *columns,
                  gint64              entry)
{
  g_autofree char *filter = g_strdup_printf ("s.entry = %" G_GINT64_FORMAT, entry);

  return bulk_update_sql (table, columns, "temp.sp_undo_rows AS s", filter, TRUE);
}

/* Adds a bulk entry to (@stack, @step) and copies into it the current values of the rows of
 * @table whose ids @source_sql (a FROM item "AS s" with an "id" column) lists. */
static gboolean
bulk_snapshot (sqlite3             *db,
               int                  stack,
               gint64               step,
               const char          *table,
               const char * const  *columns,
               const char          *source_sql,
               GError             **error)
{
  g_autofree char *joined = g_strjoinv (",", (char **) columns);
  g_autoptr(GString) copy = g_string_new ("INSERT INTO temp.sp_undo_rows (entry, id");
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) add = NULL;
  g_autoptr(sqlite3_stmt) set_sql = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autofree char *reverse = NULL;
  gint64 entry;

  add = sp_sql_prepare (db, "INSERT INTO sp_undo_log (stack, step, sql, bulk_table, bulk_columns)"
                            " VALUES (?, ?, '', ?, ?)", error);
  if (add == NULL)
    return FALSE;
  sqlite3_bind_int (add, 1, stack);
  sqlite3_bind_int64 (add, 2, step);
  sqlite3_bind_text (add, 3, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 4, joined, -1, SQLITE_STATIC);
  if (sqlite3_step (add) != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not record the change for undo"));
  entry = sqlite3_last_insert_rowid (db);

  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_string_append_printf (copy, ", v%u", i + 1);
      g_string_append_printf (values, ", t.\"%s\"", columns[i]);
    }
  g_string_append_printf (copy, ") SELECT ?, t.rowid%s FROM %s JOIN main.\"%s\" AS t"
                                " ON t.rowid = s.id", values->str, source_sql, table);
  rows = sp_sql_prepare (db, copy->str, error);
  if (rows == NULL)
    return FALSE;
  sqlite3_bind_int64 (rows, 1, entry);
  if (sqlite3_step (rows) != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not record the change for undo"));

  reverse = bulk_reverse_sql (table, columns, entry);
  set_sql = sp_sql_prepare (db, "UPDATE sp_undo_log SET sql = ? WHERE seq = ?", error);
  if (set_sql == NULL)
    return FALSE;
  sqlite3_bind_text (set_sql, 1, reverse, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (set_sql, 2, entry);
  if (sqlite3_step (set_sql) != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not record the change for undo"));

  return TRUE;
}

/* Runs @sql, an UPDATE of @table recorded in bulk, with the table's update trigger set aside
 * (even a trigger that records nothing costs more than the update itself). */
static gboolean
exec_without_update_trigger (sqlite3     *db,
                             const char  *table,
                             const char  *sql,
                             GError     **error)
{
  g_autofree char *name = g_strdup_printf ("sp_undo_%s_update", table);
  g_autofree char *drop = g_strdup_printf ("DROP TRIGGER temp.\"%s\"", name);
  g_autoptr(sqlite3_stmt) find =
    sp_sql_prepare (db, "SELECT 1 FROM temp.sqlite_schema WHERE type = 'trigger' AND name = ?",
                    error);
  g_autoptr(GPtrArray) columns = NULL;
  g_autofree char *triggers = NULL;
  gboolean present;

  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, name, -1, SQLITE_STATIC);
  present = sqlite3_step (find) == SQLITE_ROW;
  g_clear_pointer (&find, sqlite3_finalize);

  if (!present)
    return sp_sql_exec (db, sql, error);

  columns = sp_sql_table_columns (db, "main", table, error);
  if (columns == NULL)
    return FALSE;
  triggers = build_triggers (table, columns);

  return sp_sql_exec (db, drop, error)
         && sp_sql_exec (db, sql, error)
         && sp_sql_exec (db, triggers, error);
}

gboolean
sp_undo_bulk_update (sqlite3             *db,
                     const char          *table,
                     const char * const  *columns,
                     const char          *staging,
                     GError             **error)
{
  g_autofree char *source = g_strdup_printf ("temp.\"%s\" AS s", staging);
  g_autofree char *update = NULL;
  gboolean recording = FALSE;
  int stack = 0;
  gint64 step = 0;

  g_return_val_if_fail (columns != NULL && columns[0] != NULL, FALSE);
  g_return_val_if_fail (g_strv_length ((char **) columns) <= BULK_MAX_COLUMNS, FALSE);

  if (!read_state (db, &recording, &stack, &step, error))
    return FALSE;

  if (recording && !bulk_snapshot (db, stack, step, table, columns, source, error))
    return FALSE;

  update = bulk_update_sql (table, columns, source, NULL, FALSE);
  return exec_without_update_trigger (db, table, update, error);
}

/* Applies bulk entry @entry, recording its reverse as a bulk entry of (@stack, @step). */
static gboolean
apply_bulk (sqlite3     *db,
            gint64       entry,
            const char  *sql,
            const char  *table,
            const char  *columns,
            int          stack,
            gint64       step,
            GError     **error)
{
  g_auto(GStrv) names = g_strsplit (columns, ",", -1);
  g_autofree char *source =
    g_strdup_printf ("(SELECT id FROM temp.sp_undo_rows WHERE entry = %" G_GINT64_FORMAT ") AS s",
                     entry);

  return bulk_snapshot (db, stack, step, table, (const char * const *) names, source, error)
         && exec_without_update_trigger (db, table, sql, error);
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
      sp_sql_prepare (db, "SELECT seq, sql, bulk_table, bulk_columns FROM sp_undo_log"
                          " WHERE stack = ? AND step = ? ORDER BY seq DESC", error);
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
          g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
          g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
          g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
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

      if (entry->bulk_table != NULL && entry->bulk_columns != NULL
          ? !apply_bulk (db, entry->seq, entry->sql, entry->bulk_table, entry->bulk_columns, to,
                         target_step, error)
          : !sp_sql_exec (db, entry->sql, error))
        return FALSE;
    }

  if (!set_state (db, FALSE, 0, 0, error))
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
  return sp_sql_exec (db, "DELETE FROM sp_undo_rows; DELETE FROM sp_undo_log;"
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
