/* sp-undo-bulk.c — undo log entries that stand for many rows: bulk updates and ranges of
 * inserted rows (see sp-undo.c for how the log works)
 *
 * A bulk update keeps the rows' old values in sp_undo_rows under its entry's seq. A range
 * entry names rows first_id..last_id of a table: a delete entry copies them into its own
 * TEMP table (sp_undo_kept_<seq of the restore entry it adds>) before deleting them, and a
 * restore entry puts that copy back and adds the delete entry again. Either way the table's
 * trigger for the statement is set aside while it runs (cascades into other tables are
 * recorded by their triggers as usual), with a large page cache, and with the table's indexes
 * built afresh after it when the range holds most of the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-undo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-store-private.h"

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

  add = sp_sql_prepare (db, "INSERT INTO sp_undo_log (stack, step, sql, kind, bulk_table,"
                            " bulk_columns) VALUES (?, ?, '', ?, ?, ?)", error);
  if (add == NULL)
    return FALSE;
  sqlite3_bind_int (add, 1, stack);
  sqlite3_bind_int64 (add, 2, step);
  sqlite3_bind_int (add, 3, SP_UNDO_ENTRY_BULK);
  sqlite3_bind_text (add, 4, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (add, 5, joined, -1, SQLITE_STATIC);
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

/* Runs @sql, a statement on @table recorded in bulk, with the table's @event ("insert",
 * "update" or "delete") trigger set aside (even a trigger that records nothing costs more
 * than the statement itself). */
static gboolean
exec_without_trigger (sqlite3     *db,
                      const char  *table,
                      const char  *event,
                      const char  *sql,
                      GError     **error)
{
  g_autofree char *name = g_strdup_printf ("sp_undo_%s_%s", table, event);
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
  triggers = sp_undo_build_triggers (table, columns);

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
  return exec_without_trigger (db, table, "update", update, error);
}

gboolean
sp_undo_apply_bulk (sqlite3     *db,
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
         && exec_without_trigger (db, table, "update", sql, error);
}

/* Ranges of rows another connection inserted: deleted by undo, put back by redo. */

gint64
sp_undo_add_range_entry (sqlite3     *db,
                 int          stack,
                 gint64       step,
                 int          kind,
                 const char  *table,
                 gint64       first_id,
                 gint64       last_id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) add =
    sp_sql_prepare (db, "INSERT INTO sp_undo_log (stack, step, sql, kind, bulk_table, first_id,"
                        " last_id) VALUES (?, ?, '', ?, ?, ?, ?)", error);

  if (add == NULL)
    return 0;
  sqlite3_bind_int (add, 1, stack);
  sqlite3_bind_int64 (add, 2, step);
  sqlite3_bind_int (add, 3, kind);
  sqlite3_bind_text (add, 4, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (add, 5, first_id);
  sqlite3_bind_int64 (add, 6, last_id);
  if (sqlite3_step (add) != SQLITE_DONE)
    {
      sp_sql_set_error (db, error, _("Could not record the change for undo"));
      return 0;
    }
  return sqlite3_last_insert_rowid (db);
}

/* A range can hold an import's hundreds of thousands of rows: the statement that deletes or
 * puts them back runs with a page cache that holds the table's indexes (as the import itself
 * does, see sp-history-import.c), else their pages are written and read again many times. */
#define RANGE_CACHE_SIZE "PRAGMA cache_size = -65536"

static gboolean
read_int64 (sqlite3     *db,
            const char  *sql,
            gint64      *out,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sp_sql_set_error (db, error, _("Could not read the undo history"));
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* When the range's rows outnumber the others of @table, its indexes are dropped before the
 * statement and built again after it from sorted rows, far cheaper than as many scattered
 * insertions or deletions. Inside the step's transaction, so a rollback restores them. */
static gboolean
drop_indexes (sqlite3     *db,
              const char  *table,
              GPtrArray   *create,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) find =
    sp_sql_prepare (db, "SELECT name, sql FROM main.sqlite_schema WHERE type = 'index'"
                        " AND tbl_name = ? AND sql IS NOT NULL ORDER BY name", error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (find) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (find, 0)));
      g_ptr_array_add (create, g_strdup ((const char *) sqlite3_column_text (find, 1)));
    }
  /* An open read of the schema would lock it against DROP INDEX. */
  g_clear_pointer (&find, sqlite3_finalize);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX main.\"%s\"",
                                               (const char *) g_ptr_array_index (names, i));

      if (!sp_sql_exec (db, drop, error))
        return FALSE;
    }
  return TRUE;
}

/* Runs @sql, which deletes (@event "delete") or puts back ("insert") the @n_rows rows of a
 * range of @table. */
static gboolean
exec_range (sqlite3     *db,
            const char  *table,
            const char  *event,
            const char  *sql,
            gint64       n_rows,
            GError     **error)
{
  g_autoptr(GPtrArray) create = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *count = g_strdup_printf ("SELECT count (*) FROM main.\"%s\"", table);
  g_autofree char *restore = NULL;
  gint64 cache_size = 0;
  gint64 others = 0;
  gboolean ok;

  if (!read_int64 (db, "PRAGMA cache_size", &cache_size, error)
      || !read_int64 (db, count, &others, error))
    return FALSE;
  if (g_str_equal (event, "delete"))
    others -= n_rows;
  restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);

  ok = sp_sql_exec (db, RANGE_CACHE_SIZE, error)
       && (n_rows <= others || drop_indexes (db, table, create, error))
       && exec_without_trigger (db, table, event, sql, error);
  for (guint i = 0; ok && i < create->len; i++)
    ok = sp_sql_exec (db, g_ptr_array_index (create, i), error);
  sp_sql_exec (db, restore, NULL);
  return ok;
}

gboolean
sp_undo_apply_delete_range (sqlite3     *db,
                            const char  *table,
                            gint64       first_id,
                            gint64       last_id,
                            int          stack,
                            gint64       step,
                            GError     **error)
{
  gint64 restore = sp_undo_add_range_entry (db, stack, step, SP_UNDO_ENTRY_RESTORE_RANGE, table,
                                    first_id, last_id, error);
  g_autofree char *kept = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *delete = NULL;

  if (restore == 0)
    return FALSE;

  /* The ids are the log's own integers, not user input. */
  kept = sp_undo_kept_table_name (restore);
  copy = g_strdup_printf ("CREATE TABLE %s AS SELECT rowid AS sp_undo_rowid, * FROM main.\"%s\""
                          " WHERE rowid BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT,
                          kept, table, first_id, last_id);
  delete = g_strdup_printf ("DELETE FROM main.\"%s\" WHERE rowid BETWEEN %" G_GINT64_FORMAT
                            " AND %" G_GINT64_FORMAT,
                            table, first_id, last_id);

  return sp_sql_exec (db, copy, error)
         && exec_range (db, table, "delete", delete, last_id - first_id + 1, error);
}

gboolean
sp_undo_apply_restore_range (sqlite3     *db,
                             gint64       entry,
                             const char  *table,
                             gint64       first_id,
                             gint64       last_id,
                             int          stack,
                             gint64       step,
                             GError     **error)
{
  g_autoptr(GPtrArray) columns = sp_sql_table_columns (db, "main", table, error);
  g_autoptr(GString) names = g_string_new ("rowid");
  g_autoptr(GString) values = g_string_new ("sp_undo_rowid");
  g_autofree char *kept = sp_undo_kept_table_name (entry);
  g_autofree char *insert = NULL;
  g_autofree char *drop = NULL;

  if (columns == NULL)
    return FALSE;
  for (guint i = 0; i < columns->len; i++)
    {
      g_string_append_printf (names, ", \"%s\"", (const char *) g_ptr_array_index (columns, i));
      g_string_append_printf (values, ", \"%s\"", (const char *) g_ptr_array_index (columns, i));
    }
  insert = g_strdup_printf ("INSERT INTO main.\"%s\" (%s) SELECT %s FROM %s"
                            " ORDER BY sp_undo_rowid",
                            table, names->str, values->str, kept);
  drop = g_strdup_printf ("DROP TABLE %s", kept);

  return sp_undo_add_range_entry (db, stack, step, SP_UNDO_ENTRY_DELETE_RANGE, table,
                          first_id, last_id, error) != 0
         && exec_range (db, table, "insert", insert, last_id - first_id + 1, error)
         && sp_sql_exec (db, drop, error);
}
