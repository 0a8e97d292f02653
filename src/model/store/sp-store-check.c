/* sp-store-check.c — checking a workspace file before anything writes to it: what it is,
 * whose, which version, quick_check now or in a worker thread while the file is read
 * (sp_store_open_checking_later), integrity_check, and the read-only URI of a file
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
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "sp-store-private.h"

/* A quick_check run in a worker thread on its own read-only connection, shared by the store
 * and the thread (whichever ends last frees it). */
struct _SpStoreCheck
{
  gatomicrefcount  ref;
  GMutex           lock;
  GCond            cond;
  gboolean         done;
  GError          *error;
  sqlite3         *db;
  char            *path;
  GWeakRef         store;
  GMainContext    *context;
};

void
sp_store_check_unref (gpointer data)
{
  SpStoreCheck *check = data;

  if (!g_atomic_ref_count_dec (&check->ref))
    return;

  g_clear_pointer (&check->db, sqlite3_close_v2);
  g_clear_error (&check->error);
  g_free (check->path);
  g_weak_ref_clear (&check->store);
  g_main_context_unref (check->context);
  g_mutex_clear (&check->lock);
  g_cond_clear (&check->cond);
  g_free (check);
}

/* The file starts like a SQLite database (@empty: it has no bytes at all). */
gboolean
sp_store_has_sqlite_header (const char  *path,
                            gboolean    *empty,
                            GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  FILE *fp;
  size_t n;

  GStatBuf buf;

  /* Decided before the file is opened: opening a named pipe would wait for a writer. */
  if (g_stat (path, &buf) == 0 && S_ISDIR (buf.st_mode))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO,
                   _("“%s” is a folder, not a Sales Planner workspace"), path);
      return FALSE;
    }
  if (g_stat (path, &buf) == 0 && !S_ISREG (buf.st_mode))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO,
                   _("“%s” is not a regular file (a named pipe, a device or a socket), so it "
                     "is not a Sales Planner workspace"), path);
      return FALSE;
    }

  fp = g_fopen (path, "rb");

  if (fp == NULL)
    {
      int saved = errno;

      g_set_error (error, SP_STORE_ERROR,
                   saved == EACCES ? SP_STORE_ERROR_READ_ONLY : SP_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  n = fread (header, 1, sizeof header, fp);
  fclose (fp);

  *empty = n == 0;
  if (n == 0)
    return TRUE;

  if (n < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                   _("“%s” is not a Sales Planner workspace: it is not a database file, or it is damaged"),
                   path);
      return FALSE;
    }

  return TRUE;
}

gboolean
sp_store_run_quick_check (sqlite3     *db,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW
      || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      const char *detail = stmt ? (const char *) sqlite3_column_text (stmt, 0) : NULL;

      g_autofree char *shown = sp_store_clean_detail (detail ? detail : sqlite3_errmsg (db));

      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened: %s"), path, shown);
      return FALSE;
    }

  return TRUE;
}

/* A file we only read is opened through a URI: with no -wal file beside it the main file holds
 * everything, and "immutable" keeps SQLite from creating -wal/-shm files next to it, so the
 * folder stays exactly as it was. */
char *
sp_store_read_only_uri (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  /* A -journal file may be hot: "immutable" would read the half-changed file as it is. */
  gboolean sidecar = g_file_test (wal, G_FILE_TEST_EXISTS)
                     || g_file_test (journal, G_FILE_TEST_EXISTS);

  return g_strdup_printf ("file:%s?mode=ro%s", escaped, sidecar ? "" : "&immutable=1");
}

/* SQLite's words for a message: valid UTF-8 on one line, at most 120 characters (a damaged
 * schema can put any bytes, and any length, into them). */
char *
sp_store_clean_detail (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *clean = g_string_new (NULL);
  const char *p = valid;
  glong n = 0;

  for (; *p != '\0' && n < 120; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0xFFFD)
        g_string_append_c (clean, c == 0xFFFD ? '?' : ' ');
      else
        g_string_append_unichar (clean, c);
    }
  if (*p != '\0')
    g_string_append (clean, "…");

  return g_string_free (clean, FALSE);
}

/* The full integrity_check: what quick_check misses (a broken index) too. */
gboolean
sp_store_run_integrity_check (sqlite3     *db,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *shown = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW
      && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
    return TRUE;

  shown = sp_store_clean_detail (stmt != NULL && sqlite3_column_text (stmt, 0) != NULL
                                 ? (const char *) sqlite3_column_text (stmt, 0)
                                 : sqlite3_errmsg (db));
  g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
               _("“%s” is damaged: %s"), path, shown);
  return FALSE;
}

/* The tables every workspace has had since version 1; a file with our application_id but not
 * these was written by another program. */
gboolean
sp_store_has_our_tables (sqlite3 *db,
                         int      version)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int found = -1;

  if (sqlite3_prepare_v2 (db,
                          version == 0
                          ? "SELECT 0 - count(*) FROM sqlite_schema"
                          : "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                            "('setting', 'region', 'rep', 'plan', 'breakdown_cell', "
                            "'worklog_entry')",
                          -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int (stmt, 0);

  return version == 0 ? found == 0 : found == 6;
}

static gpointer
check_thread (gpointer data)
{
  SpStoreCheck *check = data;
  GError *error = NULL;

  sp_store_run_quick_check (check->db, check->path, &error);
  g_clear_pointer (&check->db, sqlite3_close_v2);

  g_mutex_lock (&check->lock);
  check->error = error;
  check->done = TRUE;
  g_cond_broadcast (&check->cond);
  g_mutex_unlock (&check->lock);

  return NULL;
}

static gboolean
check_done_cb (gpointer data)
{
  SpStoreCheck *check = data;
  g_autoptr(SpStore) self = g_weak_ref_get (&check->store);

  if (self != NULL && check->error != NULL)
    {
      g_debug ("Deferred quick_check of %s failed: %s", check->path, check->error->message);
      sp_store_report_check_failed (self, check, check->error);
    }

  return G_SOURCE_REMOVE;
}

static gpointer
check_thread_main (gpointer data)
{
  SpStoreCheck *check = data;

  GSource *source;

  check_thread (check);
  /* Always through a source, never g_main_context_invoke(): that could run the callback
   * here, in the worker. The thread's reference goes with the notification. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, check_done_cb, check, sp_store_check_unref);
  g_source_set_static_name (source, "[sp-store] check done");
  g_source_attach (source, check->context);
  g_source_unref (source);
  return NULL;
}

SpStoreCheck *
sp_store_check_start (SpStore    *store,
                      sqlite3    *db,
                      const char *path)
{
  SpStoreCheck *check = g_new0 (SpStoreCheck, 1);

  g_atomic_ref_count_init (&check->ref);
  g_mutex_init (&check->lock);
  g_cond_init (&check->cond);
  check->db = db;
  check->path = g_strdup (path);
  g_weak_ref_init (&check->store, store);
  check->context = g_main_context_ref_thread_default ();

  g_atomic_ref_count_inc (&check->ref);
  g_thread_unref (g_thread_new ("sp-store-check", check_thread_main, check));
  return check;
}

gboolean
sp_store_check_wait (SpStoreCheck  *check,
                     GError       **error)
{
  gboolean ok;

  g_mutex_lock (&check->lock);
  while (!check->done)
    g_cond_wait (&check->cond, &check->lock);
  ok = check->error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (check->error));
  g_mutex_unlock (&check->lock);

  return ok;
}

/* Validation: everything here reads, nothing writes. */

gboolean
sp_store_read_int (sqlite3     *db,
                 const char  *sql,
                 int         *out)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Checks an opened connection: ours (or brand new), not newer, and (with @quick_check)
 * quick_check ok. */
gboolean
sp_store_validate_connection (sqlite3     *db,
                          const char  *path,
                          gboolean     quick_check,
                          GError     **error)
{
  int app_id = 0;
  int version = 0;
  int tables = 0;

  if (!sp_store_read_int (db, "SELECT count(*) FROM sqlite_schema", &tables)
      || !sp_store_read_int (db, "PRAGMA application_id", &app_id)
      || !sp_store_read_int (db, "PRAGMA user_version", &version))
    {
      g_autofree char *detail = sp_store_clean_detail (sqlite3_errmsg (db));

      if (sqlite3_extended_errcode (db) == SQLITE_READONLY_ROLLBACK)
        g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                     _("“%s” holds a change another program left unfinished (a “-journal” file "
                       "beside it). It can be recovered: open it for editing, which rolls the "
                       "change back."), path);
      else if ((sqlite3_extended_errcode (db) & 0xff) == SQLITE_FULL
               || sqlite3_system_errno (db) == ENOSPC)
        g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO,
                     _("Could not read “%s”: the disk is full"), path);
      else
        g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                     _("“%s” is damaged and cannot be read: %s"), path, detail);
      return FALSE;
    }

  if (app_id != SP_STORE_APPLICATION_ID && !(app_id == 0 && tables == 0 && version == 0))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not a Sales Planner workspace"),
                   path);
      return FALSE;
    }

  if (app_id == SP_STORE_APPLICATION_ID && version >= 0 && version <= SP_STORE_SCHEMA_VERSION
      && !sp_store_has_our_tables (db, version))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_FOREIGN,
                   _("“%s” is marked as a Sales Planner workspace, but its tables are not a "
                     "workspace’s: another program wrote it"), path);
      return FALSE;
    }

  if (version < 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: its workspace version (%d) is not valid"), path, version);
      return FALSE;
    }

  if (version > SP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Sales Planner (workspace version %d; "
                     "this version reads up to %d). Update Sales Planner to open it."),
                   path, version, SP_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return !quick_check || sp_store_run_quick_check (db, path, error);
}

sqlite3 *
sp_store_open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  /* A symbolic link opens the file it points to (SQLite's sidecars go beside that file). */
  g_autofree char *real = realpath (path, NULL);
  const char *target = real != NULL ? real : path;
  g_autofree char *uri = (flags & SQLITE_OPEN_READONLY) ? sp_store_read_only_uri (target) : NULL;

  if (sqlite3_open_v2 (uri ? uri : target, &db, flags | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_URI,
                       NULL) != SQLITE_OK)
    {
      int code = db ? sqlite3_errcode (db) : SQLITE_CANTOPEN;
      g_autofree char *detail = sp_store_clean_detail (db ? sqlite3_errmsg (db)
                                                          : sqlite3_errstr (code));

      g_set_error (error, SP_STORE_ERROR,
                   code == SQLITE_NOTADB || code == SQLITE_CORRUPT ? SP_STORE_ERROR_CORRUPT
                                                                   : SP_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), path, detail);
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

gboolean
sp_store_validate_file (const char  *path,
                        GError     **error)
{
  gboolean empty = FALSE;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO,
                   _("“%s” does not exist"), path);
      return FALSE;
    }

  if (!sp_store_has_sqlite_header (path, &empty, error))
    return FALSE;

  if (empty)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                   _("“%s” is empty: it is not a Sales Planner workspace"), path);
      return FALSE;
    }

  db = sp_store_open_connection (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return FALSE;

  ok = sp_store_validate_connection (db, path, TRUE, error);
  if (ok)
    {
      int app_id = 0;

      /* A brand-new empty database is fine to open, but not to import. */
      sp_store_read_int (db, "PRAGMA application_id", &app_id);
      if (app_id != SP_STORE_APPLICATION_ID)
        {
          g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_FOREIGN,
                       _("“%s” is not a Sales Planner workspace"), path);
          ok = FALSE;
        }
    }

  sqlite3_close_v2 (db);
  return ok;
}

gboolean
sp_store_check_writable (const char  *path,
                gboolean     exists,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if ((exists && g_access (path, W_OK) != 0) || g_access (dir, W_OK) != 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only: Sales Planner needs to write to the file and its folder. "
                     "Copy it to a folder you can write to, or import it."), path);
      return FALSE;
    }

  return TRUE;
}

gboolean
sp_store_recover_hot_journal (const char  *path,
                     GError     **error)
{
  g_autofree char *real = realpath (path, NULL);
  g_autofree char *journal = g_strconcat (real != NULL ? real : path, "-journal", NULL);
  g_autofree char *dir = g_path_get_dirname (real != NULL ? real : path);
  sqlite3 *db;
  int tables = 0;

  if (!g_file_test (journal, G_FILE_TEST_EXISTS)
      || g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    return TRUE;

  db = sp_store_open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return FALSE;
  /* The first read rolls a hot journal back; a damaged file is judged afterwards. */
  sp_store_read_int (db, "SELECT count(*) FROM sqlite_schema", &tables);
  sqlite3_close_v2 (db);
  return TRUE;
}

/* Whether @db (read-only, at an older version) can be upgraded: the migrations run on a copy
 * in memory, so a file they would fail on is refused before it is backed up or touched. */
gboolean
sp_store_check_migration (sqlite3     *db,
                          const char  *path,
                          GError     **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  gboolean ok;

  if (sqlite3_open_v2 (":memory:", &copy, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (copy);
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO, _("Could not open “%s”: %s"),
                   path, sqlite3_errstr (SQLITE_NOMEM));
      return FALSE;
    }

  backup = sqlite3_backup_init (copy, "main", db, "main");
  ok = backup != NULL && sqlite3_backup_step (backup, -1) == SQLITE_DONE;
  sqlite3_backup_finish (backup);
  if (!ok)
    {
      g_autofree char *detail = sp_store_clean_detail (sqlite3_errmsg (copy));

      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read: %s"), path, detail);
      sqlite3_close_v2 (copy);
      return FALSE;
    }

  ok = sp_migrations_run (copy, error);
  sqlite3_close_v2 (copy);
  if (!ok && error != NULL)
    {
      g_autofree char *detail = sp_store_clean_detail ((*error)->message);
      int code = (*error)->code;

      g_clear_error (error);
      g_set_error (error, SP_STORE_ERROR, code,
                   _("“%s” cannot be upgraded to this version of Sales Planner, so nothing was "
                     "changed: %s"), path, detail);
    }
  return ok;
}

/* Whether the disk of @path has too little room left for SQLite's sidecar files and an edit
 * (its -shm alone takes 32 KiB): then the file is read, not opened to write. */
gboolean
sp_store_disk_full (const char *path)
{
  g_autofree char *real = realpath (path, NULL);
  g_autofree char *dir = g_path_get_dirname (real != NULL ? real : path);
  struct statvfs buf;

  return statvfs (dir, &buf) == 0 && (guint64) buf.f_bavail * buf.f_frsize < 128 * 1024;
}

void
sp_store_set_disk_full_error (const char  *path,
                              GError     **error)
{
  g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_READ_ONLY,
               _("The disk of “%s” is full: free some space, then try again"), path);
}

/* A new workspace is built beside @path under a temporary name and renamed into place once
 * complete: a crash while it is created never leaves an empty or half-made @path. */
gboolean
sp_store_create_file (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.new-%d", base, (int) getpid ());
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  sqlite3 *db;
  gboolean ok;
  int fd;

  g_unlink (tmp);
  db = sp_store_open_connection (tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    return FALSE;
  ok = sp_sql_exec (db, "PRAGMA synchronous = FULL;", error)
       && sp_migrations_run (db, error)
       && sp_sql_exec (db, "PRAGMA journal_mode = WAL;", error);
  /* The last connection's close checkpoints the WAL and removes it. */
  sqlite3_close_v2 (db);

  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO, _("Could not open “%s”: %s"),
                   path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      g_prefix_error (error, _("Could not open “%s”: "), path);
      return FALSE;
    }

  /* The rename itself survives a power loss. */
  fd = g_open (dir, O_RDONLY, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}
