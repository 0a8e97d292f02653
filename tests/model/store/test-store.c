/* test-store.c — the workspace store: open, pragmas, bad files, export/import, durability
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sp-model.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

static gint64
query_int (SpStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (sp_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_store_open_new (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "deeper", "workspace.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_autofree char *journal = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (sp_store_get_path (store), ==, path);
  g_assert_cmpint (sp_store_get_schema_version (store), ==, SP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA application_id"), ==, SP_STORE_APPLICATION_ID);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2); /* FULL */
  journal = sp_test_query_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_false (sp_store_can_undo (store));
  g_assert_true (sp_store_check (store, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  sp_test_remove_tree (dir);
}

static void
test_store_default_path (void)
{
  g_autofree char *path = NULL;

  g_setenv ("SALES_PLANNER_FILE", "/tmp/x/y.db", TRUE);
  path = sp_store_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/x/y.db");
  g_free (path);

  g_unsetenv ("SALES_PLANNER_FILE");
  path = sp_store_default_path ();
  g_assert_true (g_str_has_suffix (path, "/sales-planner/workspace.db"));
}

/* A bad file: the store refuses it with @code and the folder is exactly as it was. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = sp_test_file_checksum (path);
  guint entries = sp_test_count_entries (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, SP_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_assert_false (sp_store_validate_file (path, &error));
  g_assert_error (error, SP_STORE_ERROR, code);
  g_clear_error (&error);

  store = sp_store_open_read_only (path, &error);
  g_assert_null (store);
  g_assert_error (error, SP_STORE_ERROR, code);

  {
    g_autofree char *after = sp_test_file_checksum (path);

    g_assert_cmpstr (before, ==, after);
  }
  g_assert_cmpuint (sp_test_count_entries (dir), ==, entries);
}

static void
test_store_bad_corrupt (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "random.db", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.db", NULL);
  guchar noise[4096];
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guchar) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (path, (const char *) noise, sizeof noise, NULL));
  assert_refused (path, SP_STORE_ERROR_CORRUPT);

  /* A real workspace whose pages after the header were overwritten. */
  {
    g_autoptr(SpStore) store = sp_store_open (damaged, NULL);
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_nonnull (store);
    g_assert_cmpint (sp_region_add (store, "East", NULL), >, 0);
    g_clear_object (&store);

    g_assert_true (g_file_get_contents (damaged, &contents, &len, NULL));
    g_assert_cmpuint (len, >, 8192);
    for (gsize i = 4096; i < len; i++)
      contents[i] = (char) noise[i % sizeof noise];
    g_assert_true (g_file_set_contents (damaged, contents, len, NULL));
  }
  assert_refused (damaged, SP_STORE_ERROR_CORRUPT);

  sp_test_remove_tree (dir);
}

static void
check_failed_cb (SpStore      *store,
                 const GError *error,
                 gpointer      user_data)
{
  GError **out = user_data;

  g_assert_null (*out);
  *out = g_error_copy (error);
}

/* The app's open: the quick_check runs in a worker; writes wait for it and a damaged file
 * is refused then, unchanged. */
static void
test_store_check_later (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) signalled = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    g_autoptr(SpStore) store = sp_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sp_region_add (store, "East", NULL), >, 0);
  }

  /* A sound file: the check passes and edits go through. */
  {
    g_autoptr(SpStore) store = sp_store_open_checking_later (path, &error);

    g_assert_no_error (error);
    g_signal_connect (store, "check-failed", G_CALLBACK (check_failed_cb), &signalled);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM region"), ==, 1);
    g_assert_true (sp_store_wait_checked (store, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sp_region_add (store, "West", &error), >, 0);
    g_assert_no_error (error);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    g_assert_null (signalled);
  }

  /* The last page overwritten: the cheap checks (which read the first page) pass, the
   * deferred one does not. */
  {
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_cmpuint (len, >, 8192);
    for (gsize i = len - 4096; i < len; i++)
      contents[i] = (char) (i * 131 % 251);
    g_assert_true (g_file_set_contents (path, contents, len, NULL));
  }
  before = sp_test_file_checksum (path);
  {
    g_autoptr(SpStore) store = sp_store_open_checking_later (path, &error);

    if (store == NULL)
      g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT);
    else
      {
        g_signal_connect (store, "check-failed", G_CALLBACK (check_failed_cb), &signalled);
        g_assert_false (sp_store_wait_checked (store, &error));
        g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT);
        g_assert_nonnull (strstr (error->message, path));
        g_clear_error (&error);
        g_assert_cmpint (sp_region_add (store, "North", &error), ==, 0);
        g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT);
        while (signalled == NULL)
          g_main_context_iteration (NULL, TRUE);
        g_assert_error (signalled, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT);
      }
  }
  after = sp_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  sp_test_remove_tree (dir);
}

static void
test_store_bad_foreign (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT); "
                                     "INSERT INTO contacts VALUES ('x');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, SP_STORE_ERROR_FOREIGN);
  sp_test_remove_tree (dir);
}

static void
test_store_bad_newer (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA application_id = 1397779566; "
                                     "PRAGMA user_version = 999;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, SP_STORE_ERROR_TOO_NEW);
  sp_test_remove_tree (dir);
}

/* Read-only by permission: as root permissions do not apply, so the check runs in a child
 * that drops to an unprivileged user. */
static void
test_store_bad_read_only (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "locked.db", NULL);
  g_autofree char *before = NULL;
  pid_t pid;
  int status = 0;

  {
    g_autoptr(SpStore) store = sp_store_open (path, NULL);

    g_assert_nonnull (store);
    g_assert_cmpint (sp_region_add (store, "East", NULL), >, 0);
    /* Fold the WAL back so the file alone is the workspace. */
    g_assert_cmpint (sqlite3_exec (sp_store_get_db (store), "PRAGMA wal_checkpoint(TRUNCATE);",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  before = sp_test_file_checksum (path);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpStore) store = NULL;

      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (3);
      /* Some sandboxes (a chroot whose root folder is private to root) let no other user
       * reach the folder at all: then there is nothing to test. */
      if (g_access (dir, X_OK) != 0 || g_access (path, R_OK) != 0)
        _exit (77);
      store = sp_store_open (path, &error);
      if (store != NULL || !g_error_matches (error, SP_STORE_ERROR, SP_STORE_ERROR_READ_ONLY))
        _exit (1);
      if (strstr (error->message, path) == NULL)
        _exit (2);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == 77)
    g_test_skip ("an unprivileged user cannot reach the test folder here");
  else
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  {
    g_autofree char *after = sp_test_file_checksum (path);

    g_assert_cmpstr (before, ==, after);
  }

  g_chmod (path, 0644);
  sp_test_remove_tree (dir);
}

static void
test_store_empty_file_is_refused (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;

  /* Only a missing file becomes a new workspace: an empty one is refused, and left empty. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = sp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  {
    g_autofree char *contents = NULL;
    gsize length = 1;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpuint (length, ==, 0);
  }

  /* …nor something to import. */
  g_assert_false (sp_store_validate_file (path, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT);

  sp_test_remove_tree (dir);
}

static SpStore *
make_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  gint64 east, south;

  g_assert_no_error (error);
  east = sp_region_add (store, "华东区", &error);
  g_assert_no_error (error);
  south = sp_region_add (store, "South", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_rep_add (store, "张伟", east, &error), >, 0);
  g_assert_cmpint (sp_rep_add (store, "Li Na", south, &error), >, 0);
  g_assert_cmpint (sp_plan_add (store, 2026, "", 1234567890, &error), >, 0);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static void
test_store_export_import (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *a_path = g_build_filename (dir, "a.db", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.db", NULL);
  g_autofree char *file = g_build_filename (dir, "team" SP_STORE_FILE_SUFFIX, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) a = make_workspace (a_path);
  g_autoptr(SpStore) b = sp_store_open (b_path, &error);
  g_autofree char *a_hash = sp_store_content_hash (a, &error);
  g_autofree char *b_hash = NULL;
  g_autofree char *empty_hash = sp_store_content_hash (b, &error);
  g_autofree char *file_sum = NULL;
  g_autofree char *backup = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a_hash, !=, empty_hash);

  g_assert_true (sp_store_export (a, file, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_validate_file (file, &error));
  g_assert_no_error (error);
  file_sum = sp_test_file_checksum (file);

  g_assert_true (sp_store_import (b, file, &backup, &error));
  g_assert_no_error (error);
  b_hash = sp_store_content_hash (b, &error);
  g_assert_cmpstr (a_hash, ==, b_hash);
  g_assert_false (sp_store_can_undo (b));

  /* The imported file is untouched; the backup holds the workspace as it was. */
  {
    g_autofree char *after = sp_test_file_checksum (file);
    g_autoptr(SpStore) old = NULL;
    g_autofree char *old_hash = NULL;

    g_assert_cmpstr (file_sum, ==, after);
    g_assert_nonnull (backup);
    g_assert_true (g_str_has_prefix (backup, dir));
    old = sp_store_open_read_only (backup, &error);
    g_assert_no_error (error);
    old_hash = sp_store_content_hash (old, &error);
    g_assert_cmpstr (old_hash, ==, empty_hash);
  }

  /* Undoing the import is importing the backup. */
  g_assert_true (sp_store_import (b, backup, NULL, &error));
  g_assert_no_error (error);
  g_free (b_hash);
  b_hash = sp_store_content_hash (b, &error);
  g_assert_cmpstr (b_hash, ==, empty_hash);

  /* Exporting onto the workspace itself, or into a missing folder, is refused. */
  g_assert_false (sp_store_export (a, a_path, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *same = g_build_filename (dir, ".", "a.db", NULL);

    g_assert_false (sp_store_export (a, same, &error));
    g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (sp_store_import (a, same, NULL, &error));
    g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* A folder is not a workspace, and says so. */
  g_assert_false (sp_store_validate_file (dir, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);
  {
    g_autofree char *nowhere = g_build_filename (dir, "missing", "x.salesplan", NULL);

    g_assert_false (sp_store_export (a, nowhere, &error));
    g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO);
    g_clear_error (&error);
  }

  sp_test_remove_tree (dir);
}

static void
test_store_import_bad (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.salesplan", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.salesplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = make_workspace (path);
  g_autofree char *hash = sp_store_content_hash (store, &error);
  g_autofree char *backups = sp_store_backup_dir (path);

  g_assert_true (g_file_set_contents (junk, "name,amount\nx,1\n", -1, NULL));
  g_assert_false (sp_store_import (store, junk, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_false (sp_store_import (store, missing, NULL, &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_IO);
  g_clear_error (&error);

  {
    g_autofree char *after = sp_store_content_hash (store, &error);

    g_assert_cmpstr (hash, ==, after);
  }
  /* A refused import takes no backup: nothing happened. */
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  g_assert_true (sp_store_can_undo (store));

  sp_test_remove_tree (dir);
}

static void
test_store_import_older (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *old = g_build_filename (dir, "old.salesplan", NULL);
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_autoptr(GListModel) reps = NULL;

  sp_test_load_fixture ("workspace-v1.sql", old);
  before = sp_test_file_checksum (old);

  g_assert_true (sp_store_import (store, old, NULL, &error));
  g_assert_no_error (error);
  reps = sp_rep_list (store, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (reps), ==, 2);

  {
    g_autofree char *after = sp_test_file_checksum (old);

    g_assert_cmpstr (before, ==, after);
  }
  sp_test_remove_tree (dir);
}

static void
test_store_settings (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_autofree char *value = NULL;

  g_assert_null (sp_store_get_setting (store, "team-name"));
  g_assert_true (sp_store_begin_edit (store, "Rename team", &error));
  g_assert_true (sp_store_set_setting (store, "team-name", "上海一部", &error));
  g_assert_true (sp_store_commit_edit (store, &error));
  value = sp_store_get_setting (store, "team-name");
  g_assert_cmpstr (value, ==, "上海一部");
  g_assert_cmpstr (sp_store_get_undo_label (store), ==, "Rename team");

  sp_test_remove_tree (dir);
}

/* A child commits numbered edits and reports each acknowledged one on a pipe; the parent
 * kills it with SIGKILL at a random moment. Every acknowledged edit must be in an intact
 * database. */
static void
test_store_durability (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  guint rounds = g_test_slow () ? 40 : 8;

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *dir = sp_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "w.db", NULL);
      int fds[2];
      pid_t pid;
      gint64 acknowledged = 0;
      int status;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          g_autoptr(SpStore) store = sp_store_open (path, NULL);

          close (fds[0]);
          if (store == NULL)
            _exit (1);
          for (gint64 i = 1; ; i++)
            {
              g_autofree char *name = g_strdup_printf ("Region %" G_GINT64_FORMAT, i);

              if (sp_region_add (store, name, NULL) == 0)
                _exit (2);
              if (write (fds[1], &i, sizeof i) != sizeof i)
                _exit (3);
            }
        }

      close (fds[1]);
      g_usleep (g_rand_int_range (rand, 20, 300) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      {
        gint64 n;

        while (read (fds[0], &n, sizeof n) == sizeof n)
          acknowledged = n;
      }
      close (fds[0]);

      {
        g_autoptr(GError) error = NULL;
        g_autoptr(SpStore) store = sp_store_open (path, &error);
        g_autoptr(GListModel) regions = NULL;

        g_assert_no_error (error);
        g_assert_true (sp_store_check (store, &error));
        regions = sp_region_list (store, &error);
        /* Every acknowledged edit is there; at most the one in flight is extra. */
        g_assert_cmpint (g_list_model_get_n_items (regions), >=, acknowledged);
        g_assert_cmpint (g_list_model_get_n_items (regions), <=, acknowledged + 1);
      }
      sp_test_remove_tree (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/new", test_store_open_new);
  g_test_add_func ("/store/open/default-path", test_store_default_path);
  g_test_add_func ("/store/open/empty-file", test_store_empty_file_is_refused);
  g_test_add_func ("/store/bad-file/corrupt", test_store_bad_corrupt);
  g_test_add_func ("/store/bad-file/check-later", test_store_check_later);
  g_test_add_func ("/store/bad-file/foreign", test_store_bad_foreign);
  g_test_add_func ("/store/bad-file/newer", test_store_bad_newer);
  g_test_add_func ("/store/bad-file/read-only", test_store_bad_read_only);
  g_test_add_func ("/store/transfer/round-trip", test_store_export_import);
  g_test_add_func ("/store/transfer/bad-import", test_store_import_bad);
  g_test_add_func ("/store/transfer/import-older", test_store_import_older);
  g_test_add_func ("/store/settings", test_store_settings);
  g_test_add_func ("/store/durability/kill-9", test_store_durability);

  return g_test_run ();
}
