/* cli-runner.c — runs sales-planner-cli for test-cli and looks at the files it leaves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "cli-runner.h"

void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

static const char *
cli_path (void)
{
  const char *path = g_getenv ("SP_CLI");

  g_assert_nonnull (path);
  return path;
}

CliResult *
run_cli_env (Fixture     *fixture,
             const char **env_pairs,
             const char  *first_arg,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *default_file = g_build_filename (fixture->dir, "default.db", NULL);
  g_autofree char *xdg = g_build_filename (fixture->dir, "xdg", NULL);
  g_autoptr(GError) error = NULL;
  CliResult *result = g_new0 (CliResult, 1);
  int wait_status;
  va_list ap;

  if (fixture->setpriv != NULL)
    {
      g_ptr_array_add (argv, fixture->setpriv);
      g_ptr_array_add (argv, (char *) "--reuid=65534");
      g_ptr_array_add (argv, (char *) "--regid=65534");
      g_ptr_array_add (argv, (char *) "--clear-groups");
    }
  g_ptr_array_add (argv, (char *) cli_path ());
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "SALES_PLANNER_FILE", default_file, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", xdg, TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  for (guint i = 0; env_pairs != NULL && env_pairs[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, env_pairs[i], env_pairs[i + 1], TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    {
      g_autofree char *command = g_strjoinv (" ", (char **) argv->pdata);

      g_printerr ("%s died:\n%s", command, result->err);
    }
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
  return result;
}

void
assert_exited_with (CliResult  *result,
                    int         status,
                    const char *message)
{
  g_autofree char *expected = g_strconcat (PREFIX, message, "\n", NULL);

  g_assert_cmpstr (result->err, ==, expected);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_cmpint (result->status, ==, status);
}

void
assert_failed_with (CliResult  *result,
                    const char *message)
{
  assert_exited_with (result, 1, message);
}

void
assert_usage_error (CliResult  *result,
                    const char *message)
{
  assert_exited_with (result, 2, message);
}

void
assert_succeeded_with (CliResult  *result,
                       const char *out)
{
  g_assert_cmpstr (result->err, ==, "");
  if (out != NULL)
    g_assert_cmpstr (result->out, ==, out);
  g_assert_cmpint (result->status, ==, 0);
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->setpriv);
}

char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The sorted names in @dir, recursively, with their checksums. */
static void
snapshot_into (GString    *snapshot,
               const char *dir_path,
               const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autofree char *shown = g_build_filename (prefix, names->pdata[i], NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          g_string_append_printf (snapshot, "%s/\n", shown);
          snapshot_into (snapshot, child, shown);
        }
      else
        {
          g_autofree char *sum = file_checksum (child);

          g_string_append_printf (snapshot, "%s %s\n", shown, sum);
        }
    }
}

char *
snapshot (Fixture *fixture)
{
  GString *snapshot = g_string_new (NULL);

  snapshot_into (snapshot, fixture->dir, "");
  return g_string_free (snapshot, FALSE);
}

char *
content_hash (const char *path)
{
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *hash;

  store = sp_store_open_read_only (path, &error);
  g_assert_no_error (error);
  hash = sp_store_content_hash (store, &error);
  g_assert_no_error (error);
  return hash;
}

static void
write_random (const char *path,
              gboolean    sqlite_header)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autoptr(GError) error = NULL;
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  if (sqlite_header)
    memcpy (bytes, "SQLite format 3", 16);

  g_file_set_contents (path, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);
}

static void
write_sqlite (const char *path,
              const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

void
write_bad_file (const char *path,
                BadKind     kind)
{
  switch (kind)
    {
    case BAD_RANDOM:
      write_random (path, FALSE);
      break;
    case BAD_SQLITE_HEADER:
      write_random (path, TRUE);
      break;
    case BAD_FOREIGN:
      write_sqlite (path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                          "INSERT INTO notes (body) VALUES ('not a plan');");
      break;
    case BAD_TOO_NEW:
      {
        g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;"
                                                "PRAGMA user_version = 999;"
                                                "CREATE TABLE future (id INTEGER PRIMARY KEY);",
                                                SP_STORE_APPLICATION_ID);
        write_sqlite (path, sql);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}
