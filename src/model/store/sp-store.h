/* sp-store.h — the workspace: one SQLite database, its schema, undo/redo, export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SP_STORE_ERROR (sp_store_error_quark ())

typedef enum
{
  SP_STORE_ERROR_CORRUPT,   /* not a database, or quick_check failed */
  SP_STORE_ERROR_FOREIGN,   /* a SQLite file, but not a Sales Planner workspace */
  SP_STORE_ERROR_TOO_NEW,   /* written by a newer Sales Planner */
  SP_STORE_ERROR_READ_ONLY, /* the file or its folder cannot be written */
  SP_STORE_ERROR_IO,        /* missing file, cannot create, rename failed */
  SP_STORE_ERROR_SQL,       /* an unexpected SQLite error */
  SP_STORE_ERROR_INVALID,   /* a value the workspace refuses (the message says which) */
  SP_STORE_ERROR_NOT_FOUND, /* a row that does not exist */
  SP_STORE_ERROR_NOTHING_TO_UNDO,
  SP_STORE_ERROR_NOTHING_TO_REDO,
  SP_STORE_ERROR_AMBIGUOUS,  /* a name that fits several rows (the message says how to choose) */
} SpStoreError;

/* "SPln" — PRAGMA application_id of every workspace and .salesplan file. */
#define SP_STORE_APPLICATION_ID 0x53506c6e
/* PRAGMA user_version this build writes and understands. */
#define SP_STORE_SCHEMA_VERSION 7
/* File name suffix of exported workspaces. */
#define SP_STORE_FILE_SUFFIX ".salesplan"

#define SP_TYPE_STORE (sp_store_get_type ())
G_DECLARE_FINAL_TYPE (SpStore, sp_store, SP, STORE, GObject)

GQuark       sp_store_error_quark       (void);

/* $SALES_PLANNER_FILE if set, else $XDG_DATA_HOME/sales-planner/workspace.db */
char        *sp_store_default_path      (void);
/* Folder where automatic backups go: <dir of path>/backups */
char        *sp_store_backup_dir        (const char  *path);

/* Opens (creating it if missing, with its folder) and migrates the workspace at @path.
 * Runs quick_check; refuses corrupt, foreign, newer and read-only files without
 * modifying them. */
SpStore     *sp_store_open              (const char  *path,
                                         GError     **error);
/* Like sp_store_open(), but the quick_check of an existing workspace of the current version
 * runs in a worker thread (the cheap checks — SQLite header, application_id, version — still
 * run first): the store can be read at once, which keeps a large workspace's first window
 * fast. Every write waits for the check and is refused if it failed; then "check-failed" is
 * emitted in the caller's thread-default main context, and the file is never changed. */
SpStore     *sp_store_open_checking_later (const char  *path,
                                           GError     **error);
/* Waits for a deferred check (returns at once when there is none); FALSE with its error when
 * it failed. */
gboolean     sp_store_wait_checked      (SpStore     *self,
                                         GError     **error);
/* Opens an existing file without ever writing to it (the CLI's check, import validation). */
SpStore     *sp_store_open_read_only    (const char  *path,
                                         GError     **error);
/* Validates a file as a workspace without opening it for use: exists, is SQLite, is ours,
 * not newer, passes quick_check. Never writes to it. */
gboolean     sp_store_validate_file     (const char  *path,
                                         GError     **error);

const char  *sp_store_get_path          (SpStore     *self);
int          sp_store_get_schema_version(SpStore     *self);
/* Full PRAGMA integrity_check plus foreign_key_check. */
gboolean     sp_store_check             (SpStore     *self,
                                         GError     **error);

/* Copies the workspace to @dest_path: VACUUM INTO a temporary file next to it, then an
 * atomic rename. The live database is never copied byte by byte. */
gboolean     sp_store_export            (SpStore     *self,
                                         const char  *dest_path,
                                         GError     **error);
/* Replaces the workspace's contents with those of @src_path after validating it (and
 * migrating a copy of it if it is an older version) and after an automatic backup of the
 * current workspace, whose path is returned in @backup_path (may be NULL). All in one
 * transaction; the undo history is cleared (undoing an import is importing the backup). */
gboolean     sp_store_import            (SpStore     *self,
                                         const char  *src_path,
                                         char       **backup_path,
                                         GError     **error);
/* Writes a timestamped backup into sp_store_backup_dir(); returns its path. */
char        *sp_store_backup            (SpStore     *self,
                                         const char  *reason,
                                         GError     **error);

/* Every mutation goes through an edit: begin (BEGIN IMMEDIATE, starts an undo step named
 * @label, a translated, user-visible phrase such as "Edit target"), the model's writes,
 * then commit (or rollback). Edits do not nest. */
gboolean     sp_store_begin_edit        (SpStore     *self,
                                         const char  *label,
                                         GError     **error);
gboolean     sp_store_commit_edit       (SpStore     *self,
                                         GError     **error);
void         sp_store_rollback_edit     (SpStore     *self);
gboolean     sp_store_in_edit           (SpStore     *self);

gboolean     sp_store_can_undo          (SpStore     *self);
gboolean     sp_store_can_redo          (SpStore     *self);
/* Label of the step undo/redo would apply, or NULL. */
const char  *sp_store_get_undo_label    (SpStore     *self);
const char  *sp_store_get_redo_label    (SpStore     *self);
gboolean     sp_store_undo              (SpStore     *self,
                                         GError     **error);
gboolean     sp_store_redo              (SpStore     *self,
                                         GError     **error);
void         sp_store_clear_history     (SpStore     *self);
/* The file was rewritten through another connection (a worker's import, the demo data): this
 * connection's undo steps no longer describe it, so the history is cleared; then "changed"
 * is emitted, once. */
void         sp_store_reload            (SpStore     *self);

/* Rows that an edit on another connection to the same workspace file (a worker's, opened in
 * its thread) inserted and committed, e.g. an import's (SpHistoryPreview.inserts). Plain
 * data: made in the worker, handed to the main thread. */
typedef struct _SpStoreInserts SpStoreInserts;

void         sp_store_inserts_free      (SpStoreInserts *inserts);
/* The number of rows added, over all tables. */
guint64      sp_store_inserts_get_n_rows (const SpStoreInserts *inserts);
/* Records @inserts as ONE undo step of this store (labelled as the edit that made them), so
 * that sp_store_undo() deletes those rows and sp_store_redo() puts them back, and emits
 * "changed" once; a few small statements, whatever the number of rows. Refused when rows
 * were added to those tables after them; then, as the file changed all the same, the
 * history is cleared and "changed" emitted (as sp_store_reload()). Nothing happens when
 * @inserts holds no rows. */
gboolean     sp_store_record_inserts    (SpStore              *self,
                                         const SpStoreInserts *inserts,
                                         GError              **error);

/* A stable hash (hex SHA-256) of every row of every user table, in a fixed order.
 * Equal content gives an equal hash whatever the file's page layout. */
char        *sp_store_content_hash      (SpStore     *self,
                                         GError     **error);

/* Small key/value settings stored in the workspace (used by SpPreferences). */
char        *sp_store_get_setting       (SpStore     *self,
                                         const char  *key);
/* Must be called inside an edit. */
gboolean     sp_store_set_setting       (SpStore     *self,
                                         const char  *key,
                                         const char  *value,
                                         GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpStoreInserts, sp_store_inserts_free)

G_END_DECLS
