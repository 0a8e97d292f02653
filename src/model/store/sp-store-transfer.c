/* sp-store-transfer.c — moving whole workspaces: export, import, backups, content hash
 *
 * A live database is never copied byte by byte: exports and backups are written with
 * VACUUM INTO to a temporary file in the destination folder, flushed, then renamed over the
 * destination, so a reader never sees half a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sp-store-private.h"

#define MAX_BACKUPS 20

gboolean
sp_store_same_file (const char *a,
                    const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static gboolean
sync_path (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO,
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* VACUUM INTO a temporary sibling of @dest_path, fsync, rename over @dest_path. */
static gboolean
vacuum_into (sqlite3     *db,
             const char  *dest_path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *base = g_path_get_basename (dest_path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp_path = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO,
                   _("Could not write “%s”: the folder does not exist"), dest_path);
      return FALSE;
    }

  /* Reserve a unique name, then free it: VACUUM INTO refuses an existing file. */
  tmp_path = g_build_filename (dir, tmpl, NULL);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SP_STORE_ERROR,
                   saved == EACCES || saved == EROFS ? SP_STORE_ERROR_READ_ONLY : SP_STORE_ERROR_IO,
                   _("Could not write “%s”: %s"), dest_path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  g_unlink (tmp_path);

  stmt = sp_sql_prepare (db, "VACUUM main INTO ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tmp_path, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO,
                   _("Could not write “%s”: %s"), dest_path, sqlite3_errmsg (db));
      g_unlink (tmp_path);
      return FALSE;
    }

  if (!sync_path (tmp_path, &local_error))
    {
      g_unlink (tmp_path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO,
                   _("Could not write “%s”: %s"), dest_path, g_strerror (saved));
      return FALSE;
    }

  /* Make the rename itself durable. */
  return sync_path (dir, error);
}

gboolean
sp_store_export (SpStore     *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (g_strcmp0 (dest_path, sp_store_get_path (self)) == 0
      || sp_store_same_file (dest_path, sp_store_get_path (self)))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("Cannot export the workspace onto itself (“%s”)"), dest_path);
      return FALSE;
    }

  return vacuum_into (sp_store_get_db (self), dest_path, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
prune_backups (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, SP_STORE_FILE_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));

  if (names->len <= MAX_BACKUPS)
    return;

  /* Names start with a sortable timestamp: the oldest sort first. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + MAX_BACKUPS < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      g_unlink (path);
    }
}

char *
sp_store_backup (SpStore     *self,
                 const char  *reason,
                 GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  dir = sp_store_backup_dir (sp_store_get_path (self));
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO,
                   _("Could not create the backup folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  for (guint n = 0; ; n++)
    {
      g_free (name);
      g_free (path);
      name = n == 0 ? g_strdup_printf ("workspace-%s-%06d-%s%s", stamp,
                                       g_date_time_get_microsecond (now), reason ? reason : "backup",
                                       SP_STORE_FILE_SUFFIX)
                    : g_strdup_printf ("workspace-%s-%06d-%s-%u%s", stamp,
                                       g_date_time_get_microsecond (now), reason ? reason : "backup",
                                       n, SP_STORE_FILE_SUFFIX);
      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        break;
    }

  if (!vacuum_into (sp_store_get_db (self), path, error))
    {
      g_prefix_error (error, _("Could not back up the workspace: "));
      return NULL;
    }

  prune_backups (dir);
  return g_steal_pointer (&path);
}

/* Copies every user table of the attached database "src" into main, replacing main's rows. */
static gboolean
replace_contents (sqlite3  *db,
                  GError  **error)
{
  const char * const *tables = sp_migrations_user_tables ();
  guint n_tables = g_strv_length ((char **) tables);

  if (!sp_sql_exec (db, "PRAGMA defer_foreign_keys = ON;", error))
    return FALSE;

  for (guint i = n_tables; i > 0; i--)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM main.\"%s\";", tables[i - 1]);

      if (!sp_sql_exec (db, sql, error))
        return FALSE;
    }

  for (guint i = 0; i < n_tables; i++)
    {
      g_autoptr(GPtrArray) columns = sp_sql_table_columns (db, "main", tables[i], error);
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *sql = NULL;

      if (columns == NULL)
        return FALSE;

      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (list, "%s\"%s\"", c ? "," : "",
                                (char *) g_ptr_array_index (columns, c));

      sql = g_strdup_printf ("INSERT INTO main.\"%s\" (%s) SELECT %s FROM src.\"%s\";",
                             tables[i], list->str, list->str, tables[i]);
      if (!sp_sql_exec (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* An older file is migrated on a private copy, so the user's file stays as it was. */
static char *
prepare_source (const char  *src_path,
                char       **tmp_dir_out,
                GError     **error)
{
  g_autoptr(SpStore) probe = sp_store_open_read_only (src_path, error);
  g_autofree char *tmp_dir = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(SpStore) migrated = NULL;

  /* The full integrity_check too: a broken index quick_check misses is not imported. */
  if (probe == NULL || !sp_store_check (probe, error))
    return NULL;

  if (sp_store_get_schema_version (probe) == SP_STORE_SCHEMA_VERSION)
    return g_strdup (src_path);

  tmp_dir = g_dir_make_tmp ("sales-planner-import-XXXXXX", error);
  if (tmp_dir == NULL)
    return NULL;

  copy = g_build_filename (tmp_dir, "import.db", NULL);
  if (!vacuum_into (sp_store_get_db (probe), copy, error))
    return NULL;

  migrated = sp_store_open (copy, error);
  if (migrated == NULL)
    return NULL;

  *tmp_dir_out = g_steal_pointer (&tmp_dir);
  return g_steal_pointer (&copy);
}

static void
remove_tmp_dir (const char *tmp_dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (tmp_dir == NULL)
    return;

  d = g_dir_open (tmp_dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

gboolean
sp_store_import (SpStore     *self,
                 const char  *src_path,
                 char       **backup_path,
                 GError     **error)
{
  sqlite3 *db;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *source = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(sqlite3_stmt) attach = NULL;
  gboolean ok;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (src_path != NULL, FALSE);
  g_return_val_if_fail (!sp_store_in_edit (self), FALSE);

  /* A workspace whose deferred check failed is never written, not even replaced. */
  if (!sp_store_wait_checked (self, error))
    return FALSE;

  db = sp_store_get_db (self);

  if (g_strcmp0 (src_path, sp_store_get_path (self)) == 0
      || sp_store_same_file (src_path, sp_store_get_path (self)))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   _("Cannot import the workspace into itself (“%s”)"), src_path);
      return FALSE;
    }

  source = prepare_source (src_path, &tmp_dir, error);
  if (source == NULL)
    goto fail;

  backup = sp_store_backup (self, "before-import", error);
  if (backup == NULL)
    goto fail;

  attach = sp_sql_prepare (db, "ATTACH DATABASE ? AS src", error);
  if (attach == NULL)
    goto fail;
  {
    /* Read-only, so the imported file is never modified. */
    g_autofree char *uri = sp_store_read_only_uri (source);

    sqlite3_bind_text (attach, 1, uri, -1, SQLITE_TRANSIENT);
  }
  if (sqlite3_step (attach) != SQLITE_DONE)
    {
      sp_sql_set_error (db, error, _("Could not read the file to import"));
      goto fail;
    }

  ok = sp_sql_exec (db, "BEGIN IMMEDIATE;", error)
       && sp_undo_set_recording (db, FALSE, error)
       && replace_contents (db, error)
       && sp_undo_clear (db, error)
       && sp_sql_exec (db, "COMMIT;", error);

  if (!ok)
    {
      if (sqlite3_get_autocommit (db) == 0)
        sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      sqlite3_exec (db, "DETACH DATABASE src;", NULL, NULL, NULL);
      g_prefix_error (error, _("Could not import “%s”: "), src_path);
      goto fail;
    }

  sqlite3_exec (db, "DETACH DATABASE src;", NULL, NULL, NULL);
  remove_tmp_dir (tmp_dir);
  sp_store_emit_changed (self);

  if (backup_path != NULL)
    *backup_path = g_steal_pointer (&backup);
  return TRUE;

fail:
  remove_tmp_dir (tmp_dir);
  return FALSE;
}

char *
sp_store_content_hash (SpStore  *self,
                       GError  **error)
{
  const char * const *tables = sp_migrations_user_tables ();
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);

  db = sp_store_get_db (self);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) columns = sp_sql_table_columns (db, "main", tables[i], error);
      g_autoptr(GString) order = g_string_new (NULL);
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (columns == NULL)
        return NULL;

      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (order, "%s%u", c ? "," : "", c + 1);

      sql = g_strdup_printf ("SELECT * FROM main.\"%s\" ORDER BY %s", tables[i], order->str);
      stmt = sp_sql_prepare (db, sql, error);
      if (stmt == NULL)
        return NULL;

      g_checksum_update (checksum, (const guchar *) tables[i], -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          int n = sqlite3_column_count (stmt);

          for (int c = 0; c < n; c++)
            {
              int type = sqlite3_column_type (stmt, c);
              guchar tag = (guchar) type;

              g_checksum_update (checksum, &tag, 1);
              if (type == SQLITE_INTEGER)
                {
                  gint64 v = GINT64_TO_LE (sqlite3_column_int64 (stmt, c));

                  g_checksum_update (checksum, (const guchar *) &v, sizeof v);
                }
              else if (type != SQLITE_NULL)
                {
                  const guchar *bytes = type == SQLITE_BLOB ? sqlite3_column_blob (stmt, c)
                                                            : sqlite3_column_text (stmt, c);
                  guint32 len = GUINT32_TO_LE ((guint32) sqlite3_column_bytes (stmt, c));

                  g_checksum_update (checksum, (const guchar *) &len, sizeof len);
                  if (len > 0)
                    g_checksum_update (checksum, bytes, sqlite3_column_bytes (stmt, c));
                }
            }
        }

      if (rc != SQLITE_DONE)
        {
          sp_sql_set_error (db, error, _("Could not read the workspace"));
          return NULL;
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}
