/* sp-store-check.c — checking a workspace file: quick_check, now or in a worker thread while
 * the file is read (sp_store_open_checking_later), and the read-only URI of a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

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

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO,
                   _("“%s” is a folder, not a Sales Planner workspace"), path);
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

      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened: %s"),
                   path, detail ? detail : sqlite3_errmsg (db));
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
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf ("file:%s?mode=ro%s", escaped,
                          g_file_test (wal, G_FILE_TEST_EXISTS) ? "" : "&immutable=1");
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
