/* sp-store.c — the workspace database: opening, validation, migrations, edits and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sp-store-private.h"

struct _SpStore
{
  GObject   parent_instance;

  sqlite3  *db;
  char     *path;
  char     *undo_label;
  char     *redo_label;
  char     *edit_label;
  guint     read_only : 1;
  guint     in_edit : 1;
  guint     vouched : 1; /* integrity_check passed: writes may go ahead */
  /* The quick_check still running in a worker thread (sp_store_open_checking_later). */
  SpStoreCheck *check;
};

G_DEFINE_FINAL_TYPE (SpStore, sp_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  CHECK_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (sp-store-error-quark, sp_store_error)

static void
sp_store_finalize (GObject *object)
{
  SpStore *self = (SpStore *)object;

  if (self->in_edit)
    sp_store_rollback_edit (self);
  g_clear_pointer (&self->check, sp_store_check_unref);

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);
  g_clear_pointer (&self->edit_label, g_free);

  G_OBJECT_CLASS (sp_store_parent_class)->finalize (object);
}

static void
sp_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SpStore *self = SP_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sp_store_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sp_store_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_store_class_init (SpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_store_finalize;
  object_class->get_property = sp_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after every committed edit, undo, redo and import: the data changed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Emitted (in the main context of the thread that opened the store) when the quick_check
   * deferred by sp_store_open_checking_later() fails; the argument is the GError. */
  signals[CHECK_FAILED] =
    g_signal_new ("check-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
sp_store_init (SpStore *self)
{
}

char *
sp_store_default_path (void)
{
  const char *env = g_getenv ("SALES_PLANNER_FILE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "sales-planner", "workspace.db", NULL);
}

char *
sp_store_backup_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_build_filename (dir, "backups", NULL);
}

static SpStore *
store_new (sqlite3    *db,
           const char *path,
           gboolean    read_only)
{
  SpStore *self = g_object_new (SP_TYPE_STORE, NULL);

  self->db = db;
  self->path = g_strdup (path);
  self->read_only = !!read_only;
  return self;
}

void
sp_store_report_check_failed (SpStore      *self,
                              SpStoreCheck *check,
                              const GError *error)
{
  if (self->check == check)
    g_signal_emit (self, signals[CHECK_FAILED], 0, error);
}

gboolean
sp_store_wait_checked (SpStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  return self->check == NULL || sp_store_check_wait (self->check, error);
}

static SpStore *
open_store (const char  *path,
            gboolean     check_later,
            GError     **error)
{
  g_autoptr(SpStore) self = NULL;
  gboolean exists;
  gboolean empty = TRUE;
  gboolean full;
  int version = 0;
  sqlite3 *db;
  sqlite3 *check_db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, SP_STORE_ERROR,
                       saved == EACCES || saved == EROFS ? SP_STORE_ERROR_READ_ONLY
                                                         : SP_STORE_ERROR_IO,
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
          return NULL;
        }
      if (sp_store_disk_full (path))
        {
          sp_store_set_disk_full_error (path, error);
          return NULL;
        }
      if (!sp_store_check_writable (path, FALSE, error) || !sp_store_create_file (path, error))
        return NULL;
      exists = TRUE;
      empty = FALSE;
    }
  else if (!sp_store_has_sqlite_header (path, &empty, error))
    return NULL;
  else if (empty)
    {
      /* Only a missing file becomes a new workspace: an empty one may be a copy gone wrong. */
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                   _("“%s” is empty: it is not a Sales Planner workspace"), path);
      return NULL;
    }

  /* A change another program left unfinished (a hot rollback journal) is rolled back the way
   * SQLite always does, by the first connection that may write; then the file is judged. */
  if (exists && !sp_store_recover_hot_journal (path, error))
    return NULL;

  /* Validate through a read-only connection first, so a bad file is never touched. */
  if (exists && !empty)
    {
      db = sp_store_open_connection (path, SQLITE_OPEN_READONLY, error);
      if (db == NULL)
        return NULL;
      if (!sp_store_validate_connection (db, path, FALSE, error)
          || !sp_store_read_int (db, "PRAGMA user_version", &version))
        {
          sqlite3_close_v2 (db);
          return NULL;
        }
      /* A file to migrate is checked before it is backed up and changed; a current one,
       * when the caller agrees, while it is read (its edits wait for the check). */
      if (check_later && version == SP_STORE_SCHEMA_VERSION)
        check_db = db;
      else
        {
          gboolean ok = sp_store_run_quick_check (db, path, error)
                        && (version == SP_STORE_SCHEMA_VERSION
                            || sp_store_check_migration (db, path, error));

          sqlite3_close_v2 (db);
          if (!ok)
            return NULL;
        }
    }

  /* A full disk: not even SQLite's sidecars fit, so the file is only read (nothing is left
   * behind by a connection that failed to write). */
  full = sp_store_disk_full (path);
  if (full)
    sp_store_set_disk_full_error (path, error);
  if (full || !sp_store_check_writable (path, exists, error))
    {
      sqlite3_close_v2 (check_db);
      return NULL;
    }

  db = sp_store_open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    {
      sqlite3_close_v2 (check_db);
      return NULL;
    }

  self = store_new (db, path, FALSE);
  if (check_db != NULL)
    self->check = sp_store_check_start (self, check_db, path);

  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only: Sales Planner needs to write to the file and its folder. "
                     "Copy it to a folder you can write to, or import it."), path);
      return NULL;
    }

  if (!sp_sql_exec (db,
                    "PRAGMA synchronous = FULL;"
                    "PRAGMA foreign_keys = ON;"
                    "PRAGMA recursive_triggers = ON;"
                    "PRAGMA temp_store = MEMORY;",
                    error))
    {
      g_prefix_error (error, _("Could not open “%s”: "), path);
      return NULL;
    }

  /* Every migration of an existing workspace runs after an automatic backup. */
  if (version > 0 && version < SP_STORE_SCHEMA_VERSION)
    {
      g_autofree char *reason = g_strdup_printf ("before-v%d", SP_STORE_SCHEMA_VERSION);
      g_autofree char *backup = sp_store_backup (self, reason, error);

      if (backup == NULL)
        return NULL;
    }

  if (!sp_migrations_run (db, error) || !sp_undo_install (db, error))
    return NULL;

  /* The switch to WAL changes the file's header: only once everything above passed. */
  if (!sp_sql_exec (db, "PRAGMA journal_mode = WAL;", error))
    {
      g_prefix_error (error, _("Could not open “%s”: "), path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

SpStore *
sp_store_open (const char  *path,
               GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_store (path, FALSE, error);
}

SpStore *
sp_store_open_checking_later (const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_store (path, TRUE, error);
}

SpStore *
sp_store_open_read_only (const char  *path,
                         GError     **error)
{
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  if (!sp_store_validate_file (path, error))
    return NULL;

  db = sp_store_open_connection (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return NULL;

  return store_new (db, path, TRUE);
}

const char *
sp_store_get_path (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  return self->path;
}

sqlite3 *
sp_store_get_db (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  return self->db;
}

gboolean
sp_store_set_sql_error (SpStore     *self,
                        GError     **error,
                        const char  *what)
{
  return sp_sql_set_error (self->db, error, what);
}

int
sp_store_get_schema_version (SpStore *self)
{
  int version = -1;

  g_return_val_if_fail (SP_IS_STORE (self), -1);

  sp_store_read_int (self->db, "PRAGMA user_version", &version);
  return version;
}

gboolean
sp_store_check (SpStore  *self,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) integrity = NULL;
  g_autoptr(sqlite3_stmt) fk = NULL;
  const char *result;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  integrity = sp_sql_prepare (self->db, "PRAGMA integrity_check(1)", error);
  if (integrity == NULL)
    return FALSE;

  if (sqlite3_step (integrity) != SQLITE_ROW)
    {
      g_autofree char *detail = sp_store_clean_detail (sqlite3_errmsg (self->db));

      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), self->path, detail);
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (integrity, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_autofree char *detail = sp_store_clean_detail (result);

      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), self->path, detail);
      return FALSE;
    }

  fk = sp_sql_prepare (self->db, "PRAGMA foreign_key_check", error);
  if (fk == NULL)
    return FALSE;

  if (sqlite3_step (fk) == SQLITE_ROW)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                   _("“%s” is inconsistent: a row of table “%s” refers to a missing row of “%s”"),
                   self->path, sqlite3_column_text (fk, 0), sqlite3_column_text (fk, 2));
      return FALSE;
    }

  /* An older workspace is fine only if this version can upgrade it. */
  if (sp_store_get_schema_version (self) < SP_STORE_SCHEMA_VERSION
      && !sp_store_check_migration (self->db, self->path, error))
    return FALSE;

  return TRUE;
}

void
sp_store_emit_changed (SpStore *self)
{
  g_return_if_fail (SP_IS_STORE (self));

  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);
  if (!self->read_only)
    {
      self->undo_label = sp_undo_get_label (self->db, FALSE);
      self->redo_label = sp_undo_get_label (self->db, TRUE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Every write starts here: a read-only store, or one whose deferred check found it damaged,
 * refuses (the latter after waiting for the check). */
gboolean
sp_store_refuse_write (SpStore  *self,
                       GError  **error)
{
  if (!sp_store_wait_checked (self, error))
    return TRUE;

  if (self->read_only)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (sp_store_disk_full (self->path))
        sp_store_set_disk_full_error (self->path, error);
      else if (g_access (self->path, W_OK) != 0 || g_access (dir, W_OK) != 0)
        g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_READ_ONLY,
                     _("“%s” is read-only: Sales Planner needs to write to the file and its folder. "
                       "Copy it to a folder you can write to, or import it."), self->path);
      else
        g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_READ_ONLY,
                     _("“%s” is open read-only and cannot be changed"), self->path);
      return TRUE;
    }

  /* Nothing is written to a file the full integrity_check has not vouched for (quick_check
   * misses a broken index, and a write through one makes it worse). */
  if (!self->vouched)
    {
      g_autoptr(GError) local_error = NULL;

      if (!sp_store_run_integrity_check (self->db, self->path, &local_error))
        {
          g_autofree char *detail = strchr (local_error->message, ':') != NULL
                                    ? g_strdup (strchr (local_error->message, ':') + 2)
                                    : g_strdup ("");

          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged (%s), so nothing was changed. Restore a backup, or "
                         "export what still reads."), self->path, detail);
          return TRUE;
        }
      self->vouched = TRUE;
    }

  return FALSE;
}

gboolean
sp_store_begin_edit (SpStore     *self,
                     const char  *label,
                     GError     **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (!self->in_edit, FALSE);

  if (sp_store_refuse_write (self, error))
    return FALSE;

  if (!sp_sql_exec (self->db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  if (!sp_undo_begin_step (self->db, error))
    {
      sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }

  self->in_edit = TRUE;
  g_free (self->edit_label);
  self->edit_label = g_strdup (label);
  return TRUE;
}

gboolean
sp_store_commit_edit (SpStore  *self,
                      GError  **error)
{
  gboolean had_changes = FALSE;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_edit, FALSE);

  if (!sp_undo_end_step (self->db, self->edit_label, &had_changes, error)
      || !sp_sql_exec (self->db, "COMMIT;", error))
    {
      sp_store_rollback_edit (self);
      return FALSE;
    }

  self->in_edit = FALSE;
  g_clear_pointer (&self->edit_label, g_free);

  if (had_changes)
    sp_store_emit_changed (self);

  return TRUE;
}

void
sp_store_rollback_edit (SpStore *self)
{
  g_return_if_fail (SP_IS_STORE (self));

  if (!self->in_edit)
    return;

  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);

  /* The recording flag lives in a TEMP table, rolled back with the rest. */
  self->in_edit = FALSE;
  g_clear_pointer (&self->edit_label, g_free);
}

gboolean
sp_store_in_edit (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  return self->in_edit;
}

gboolean
sp_store_can_undo (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  return self->undo_label != NULL;
}

gboolean
sp_store_can_redo (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);

  return self->redo_label != NULL;
}

const char *
sp_store_get_undo_label (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  return self->undo_label;
}

const char *
sp_store_get_redo_label (SpStore *self)
{
  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  return self->redo_label;
}

static gboolean
apply_history (SpStore   *self,
               gboolean   redo,
               GError   **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_edit, FALSE);

  if (sp_store_refuse_write (self, error))
    return FALSE;

  if (!sp_sql_exec (self->db, "BEGIN IMMEDIATE;", error))
    return FALSE;

  if (!sp_undo_apply_step (self->db, redo, error)
      || !sp_sql_exec (self->db, "COMMIT;", error))
    {
      if (sqlite3_get_autocommit (self->db) == 0)
        sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }

  sp_store_emit_changed (self);
  return TRUE;
}

gboolean
sp_store_undo (SpStore  *self,
               GError  **error)
{
  return apply_history (self, FALSE, error);
}

gboolean
sp_store_redo (SpStore  *self,
               GError  **error)
{
  return apply_history (self, TRUE, error);
}

void
sp_store_clear_history (SpStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SP_IS_STORE (self));

  if (self->read_only)
    return;

  if (!sp_undo_clear (self->db, &error))
    g_warning ("Could not clear the undo history: %s", error->message);

  sp_store_emit_changed (self);
}

void
sp_store_reload (SpStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SP_IS_STORE (self));

  if (!self->read_only && !sp_undo_clear (self->db, &error))
    g_warning ("Could not clear the undo history: %s", error->message);

  sp_store_emit_changed (self);
}
