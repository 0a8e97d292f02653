/* sp-store-private.h — what other model files need of the store: the raw connection
 *
 * Only src/model may include this header; the UI and the CLI go through the model's API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "sp-store.h"

G_BEGIN_DECLS

sqlite3  *sp_store_get_db           (SpStore      *self);
/* Sets @error from the connection's last error, prefixed with @what. Returns FALSE. */
gboolean  sp_store_set_sql_error    (SpStore      *self,
                                     GError      **error,
                                     const char   *what);
gboolean  sp_sql_set_error          (sqlite3      *db,
                                     GError      **error,
                                     const char   *what);
/* Runs one or more statements without results. */
gboolean  sp_sql_exec               (sqlite3      *db,
                                     const char   *sql,
                                     GError      **error);
/* Prepares @sql; on failure sets @error. */
sqlite3_stmt *sp_sql_prepare        (sqlite3      *db,
                                     const char   *sql,
                                     GError      **error);
/* Runs one statement that returns no rows: binds the arguments after @types to parameters
 * 1, 2, … in order, steps it, and sets @out_id (if not NULL) to the last inserted rowid.
 * The type letters, one per parameter:
 *   'i'  gint64                         'I'  gint64, where 0 binds NULL (an optional id)
 *   'd'  int                            't'  const char *, NULL binds NULL (not copied)
 *   'n'  NULL, and takes no argument
 * Any other letter is a programming error (a critical warning; nothing runs; FALSE).
 * @cache, if not NULL, maps the (static) @sql text to its prepared statement and keeps it
 * for the next call; otherwise the statement is prepared and finalized here. On failure
 * @error is set from the connection, prefixed with @what (translated, says what failed). */
gboolean      sp_sql_run            (sqlite3      *db,
                                     GHashTable   *cache,
                                     const char   *what,
                                     gint64       *out_id,
                                     GError      **error,
                                     const char   *sql,
                                     const char   *types,
                                     ...);
/* Column names of @schema.@table in declaration order (table names are the model's own
 * constants, never user input). */
GPtrArray    *sp_sql_table_columns  (sqlite3      *db,
                                     const char   *schema,
                                     const char   *table,
                                     GError      **error);
/* An SQLite URI that opens @path for reading only and, when no -wal file is beside it, as
 * immutable, so that reading leaves the folder exactly as it was. */
char         *sp_store_read_only_uri (const char  *path);

/* sp-store-check.c: PRAGMA quick_check of @db (error names @path); a check running in a
 * worker thread on its own read-only connection @db (taken), which reports a failure to
 * @store through sp_store_report_check_failed() in the caller's main context. */
typedef struct _SpStoreCheck SpStoreCheck;

gboolean      sp_store_has_sqlite_header   (const char   *path,
                                            gboolean     *empty,
                                            GError      **error);
gboolean      sp_store_run_quick_check     (sqlite3      *db,
                                            const char   *path,
                                            GError      **error);
gboolean      sp_store_run_integrity_check (sqlite3      *db,
                                            const char   *path,
                                            GError      **error);
/* Valid UTF-8 on one line, at most 120 characters: SQLite's words fit for a message. */
char         *sp_store_clean_detail        (const char   *text);
/* Whether @db has the tables of a workspace of @version (none at all for version 0). */
gboolean      sp_store_has_our_tables      (sqlite3      *db,
                                            int           version);
/* Validation on a read-only connection (nothing here writes, but for rolling back a hot
 * journal, which SQLite does on any connection that may write). */
gboolean      sp_store_read_int            (sqlite3      *db,
                                            const char   *sql,
                                            int          *out);
gboolean      sp_store_validate_connection (sqlite3      *db,
                                            const char   *path,
                                            gboolean      quick_check,
                                            GError      **error);
sqlite3      *sp_store_open_connection     (const char   *path,
                                            int           flags,
                                            GError      **error);
gboolean      sp_store_check_writable      (const char   *path,
                                            gboolean      exists,
                                            GError      **error);
gboolean      sp_store_recover_hot_journal (const char   *path,
                                            GError      **error);
/* Creates a new, complete workspace at @path (which must not exist) atomically. */
gboolean      sp_store_create_file         (const char   *path,
                                            GError      **error);
/* Too little room left on the disk of @path to write; the error that says so. */
gboolean      sp_store_disk_full           (const char   *path);
void          sp_store_set_disk_full_error (const char   *path,
                                            GError      **error);
/* Runs the migrations on an in-memory copy of @db: can the file be upgraded? */
gboolean      sp_store_check_migration     (sqlite3      *db,
                                            const char   *path,
                                            GError      **error);
SpStoreCheck *sp_store_check_start         (SpStore      *store,
                                            sqlite3      *db,
                                            const char   *path);
gboolean      sp_store_check_wait          (SpStoreCheck *check,
                                            GError      **error);
void          sp_store_check_unref         (gpointer      check);
void          sp_store_report_check_failed (SpStore      *self,
                                            SpStoreCheck *check,
                                            const GError *error);
/* TRUE if both paths name the same existing file (same device and inode). */
gboolean      sp_store_same_file     (const char  *a,
                                      const char  *b);
/* Emits SpStore::changed (after a commit that was not inside a larger edit, an undo, a redo
 * or an import). Model files that write outside an edit never exist: use begin/commit. */
void      sp_store_emit_changed     (SpStore      *self);
/* TRUE (with @error) when the store may not be written: read-only, or its deferred check
 * failed (after waiting for it). */
gboolean  sp_store_refuse_write     (SpStore      *self,
                                     GError      **error);

/* sp-store-detached.c: an edit on a connection of its own (a worker's) that only adds rows,
 * recorded for undo not here but by the window's store on the same file
 * (sp_store_record_inserts()). Begin notes each user table's largest rowid and turns this
 * connection's recording off; commit checks that the edit only inserted (every row it added
 * has a rowid above the old largest, and SQLite counted no other change), fills the returned
 * SpStoreInserts with the rowid ranges, and commits. On failure the edit is rolled back. */
SpStoreInserts *sp_store_begin_detached_edit  (SpStore        *self,
                                               const char     *label,
                                               GError        **error);
gboolean        sp_store_commit_detached_edit (SpStore        *self,
                                               SpStoreInserts *inserts,
                                               GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* sp-migrations.c */
/* Brings @db from its user_version up to SP_STORE_SCHEMA_VERSION, one transaction per step. */
gboolean  sp_migrations_run         (sqlite3      *db,
                                     GError      **error);
/* The names of the tables that hold user data, in a fixed order (NULL-terminated). */
const char * const *sp_migrations_user_tables (void);

/* sp-undo.c — SQLite trigger-based undo log over the user tables. */
gboolean  sp_undo_install           (sqlite3      *db,
                                     GError      **error);
/* Undo-step markers. */
gboolean  sp_undo_begin_step        (sqlite3      *db,
                                     GError      **error);
/* Closes the step under @label; @had_changes tells whether it recorded anything (an empty
 * step is dropped). A step with changes clears the redo stack. */
gboolean  sp_undo_end_step          (sqlite3      *db,
                                     const char   *label,
                                     gboolean     *had_changes,
                                     GError      **error);
/* Label of the newest undo (or redo) step, or NULL. */
char     *sp_undo_get_label         (sqlite3      *db,
                                     gboolean      redo);
/* Reverses the newest step of the undo stack (@redo FALSE) or redo stack (TRUE), recording
 * the reverse of the reverse on the other stack. Runs inside the caller's transaction. */
gboolean  sp_undo_apply_step        (sqlite3      *db,
                                     gboolean      redo,
                                     GError      **error);
/* Turns recording on/off. Off is for bulk writes inside one transaction (imports, demo
 * data): the triggers are dropped until the next edit or recording on. */
gboolean  sp_undo_set_recording     (sqlite3      *db,
                                     gboolean      recording,
                                     GError      **error);
gboolean  sp_undo_clear             (sqlite3      *db,
                                     GError      **error);

/* Rows first_id..last_id (rowids) of @table, one of sp_migrations_user_tables(). */
typedef struct
{
  const char *table;
  gint64      first_id;
  gint64      last_id;
} SpUndoRange;

/* Records, as ONE new undo step labelled @label, rows that another connection inserted and
 * committed: undoing it deletes @ranges (children before parents: list parents first), and
 * redoing it puts the same rows back. Refused when a table has rows above its range (they
 * are no part of the step). Clears the redo stack. Inside the caller's transaction. */
gboolean  sp_undo_record_inserts    (sqlite3            *db,
                                     const char         *label,
                                     const SpUndoRange  *ranges,
                                     guint               n_ranges,
                                     GError            **error);

/* sp-undo.c and sp-undo-bulk.c: the kinds of log entry, and what the two files share. */
enum
{
  SP_UNDO_ENTRY_SQL,            /* runs its sql */
  SP_UNDO_ENTRY_BULK,           /* a bulk update: bulk_table, bulk_columns, sp_undo_rows */
  SP_UNDO_ENTRY_DELETE_RANGE,   /* deletes rows first_id..last_id of bulk_table */
  SP_UNDO_ENTRY_RESTORE_RANGE,  /* puts back the rows kept by the delete */
};

/* The three TEMP triggers of @table (CREATE … IF NOT EXISTS). */
char     *sp_undo_build_triggers    (const char         *table,
                                     GPtrArray          *columns);
/* The TEMP table that keeps the rows of restore entry @entry: temp."sp_undo_kept_<entry>". */
char     *sp_undo_kept_table_name   (gint64              entry);
/* Apply one entry, recording its reverse as entries of (@stack, @step). */
gboolean  sp_undo_apply_bulk        (sqlite3            *db,
                                     gint64              entry,
                                     const char         *sql,
                                     const char         *table,
                                     const char         *columns,
                                     int                 stack,
                                     gint64              step,
                                     GError            **error);
gboolean  sp_undo_apply_delete_range  (sqlite3          *db,
                                       const char       *table,
                                       gint64            first_id,
                                       gint64            last_id,
                                       int               stack,
                                       gint64            step,
                                       GError          **error);
gboolean  sp_undo_apply_restore_range (sqlite3          *db,
                                       gint64            entry,
                                       const char       *table,
                                       gint64            first_id,
                                       gint64            last_id,
                                       int               stack,
                                       gint64            step,
                                       GError          **error);
/* Adds a range entry of @kind to (@stack, @step); returns its seq, or 0 on an error. */
gint64    sp_undo_add_range_entry   (sqlite3            *db,
                                     int                 stack,
                                     gint64              step,
                                     int                 kind,
                                     const char         *table,
                                     gint64              first_id,
                                     gint64              last_id,
                                     GError            **error);
/* Sets @columns (at most 4, NULL-terminated; none in a UNIQUE constraint, as rows are written
 * one after the other) of the rows of @table listed in the TEMP table @staging (an "id"
 * column, the rowid of @table, and a column of each name) to the staged values, in one
 * statement, recorded for undo as ONE entry that keeps the rows' old values rather than one
 * per row. Inside an edit, which stays one undo step. */
gboolean  sp_undo_bulk_update       (sqlite3      *db,
                                     const char   *table,
                                     const char * const *columns,
                                     const char   *staging,
                                     GError      **error);

G_END_DECLS
