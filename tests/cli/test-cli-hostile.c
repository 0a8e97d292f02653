/* test-cli-hostile.c — sales-planner-cli on hostile workspace files: a read command, `check`
 * and an edit on each, with the exact message, the exit status, and the file and its folder
 * byte-identical afterwards whenever the command refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli-runner.h"

#define ADDED "Added the entry of Zhang San on 2026-03-02\n"

typedef enum
{
  CMD_READ,  /* log-export - */
  CMD_CHECK, /* check */
  CMD_EDIT,  /* log-add */
  N_CMDS
} Command;

/* Makes the hostile workspace "w.db" in @dir. */
typedef void (*MakeFunc) (const char *dir,
                          const char *path);

typedef struct
{
  const char *name;
  MakeFunc    make;
  gboolean    as_nobody;         /* read-only cases: root writes through permission bits */
  gboolean    full_disk;         /* the folder is a small tmpfs, filled up (needs root) */
  /* Per command: the message with "%s" for the path, or NULL when it succeeds; a success
   * of CMD_CHECK prints "OK: …", of CMD_EDIT ADDED, of CMD_READ the CSV header. */
  const char *message[N_CMDS];
  /* A command that succeeds may change the file (an edit; a recovery); a refusal never. */
  gboolean    may_change[N_CMDS];
} Case;

/* ---- making the files ------------------------------------------------------------------ */

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A workspace with region East and its rep Zhang San, closed cleanly (no sidecars). */
static void
make_good (const char *dir,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  gint64 east;

  g_assert_no_error (error);
  east = sp_region_add (store, "East", &error);
  g_assert_no_error (error);
  sp_rep_add (store, "Zhang San", east, &error);
  g_assert_no_error (error);
}

static void
make_truncated (const char *dir,
                const char *path)
{
  make_good (dir, path);
  g_assert_cmpint (truncate (path, 3 * 4096 + 100), ==, 0);
}

static void
make_random (const char *dir,
             const char *path)
{
  write_bad_file (path, BAD_RANDOM);
}

static void
make_empty (const char *dir,
            const char *path)
{
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
make_fifo (const char *dir,
           const char *path)
{
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
}

static void
make_symlink (const char *dir,
              const char *path)
{
  g_autofree char *target = g_build_filename (dir, "good.db", NULL);

  make_good (dir, target);
  g_assert_cmpint (symlink ("good.db", path), ==, 0);
}

static void
make_foreign (const char *dir,
              const char *path)
{
  write_bad_file (path, BAD_FOREIGN);
}

static void
make_ours_foreign_schema (const char *dir,
                          const char *path)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1;"
                                          "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);",
                                          SP_STORE_APPLICATION_ID);

  exec_sql (path, sql);
}

static void
make_version_minus_one (const char *dir,
                        const char *path)
{
  make_good (dir, path);
  exec_sql (path, "PRAGMA user_version = -1;");
}

static void
make_too_new (const char *dir,
              const char *path)
{
  write_bad_file (path, BAD_TOO_NEW);
}

/* The index worklog_entry_by_day claims to index the prospects: its entries no longer match
 * the table, which quick_check does not see and integrity_check does. */
static void
make_broken_index (const char *dir,
                   const char *path)
{
  make_good (dir, path);
  exec_sql (path, "INSERT INTO worklog_entry (rep_id, day) VALUES (1, '2026-03-01');"
                  "PRAGMA writable_schema = ON;"
                  "UPDATE sqlite_schema SET sql = 'CREATE INDEX worklog_entry_by_day "
                  "ON worklog_entry (prospects)' WHERE name = 'worklog_entry_by_day';"
                  "PRAGMA writable_schema = OFF;");
}

/* A rollback-journal file that another program left mid-transaction: the file and its hot
 * journal as they were while the transaction had spilled pages to the file. */
static void
make_hot_journal (const char *dir,
                  const char *path)
{
  g_autofree char *stage = g_build_filename (dir, "stage.db", NULL);
  g_autofree char *stage_journal = g_strconcat (stage, "-journal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db = NULL;

  make_good (dir, stage);
  g_assert_cmpint (sqlite3_open (stage, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 2;"
                                     "BEGIN; INSERT INTO setting VALUES ('x', hex(zeroblob(20000)));",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_test (stage_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (stage, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (stage_journal, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (journal, contents, length, NULL));
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpint (g_unlink (stage), ==, 0);
}

/* A schema entry of raw bytes (invalid UTF-8): SQLite quotes them in its error, the message
 * must not. */
static void
make_bad_schema (const char *dir,
                 const char *path)
{
  make_good (dir, path);
  exec_sql (path, "PRAGMA writable_schema = ON;"
                  "UPDATE sqlite_schema SET sql = CAST(X'4352454154452054414245CCFF9FC3' AS TEXT) "
                  "WHERE name = 'holiday';"
                  "PRAGMA writable_schema = OFF;");
}

/* Ours, at version 4 in rollback-journal mode, but already holding version 5's tables: the
 * upgrade would fail, so it is refused before the backup and the switch to WAL. */
static void
make_upgrade_fails (const char *dir,
                    const char *path)
{
  make_good (dir, path);
  exec_sql (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 4;");
}

static void
make_read_only_file (const char *dir,
                     const char *path)
{
  make_good (dir, path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
}

static void
make_read_only_folder (const char *dir,
                       const char *path)
{
  make_good (dir, path);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
}

/* ---- running and comparing -------------------------------------------------------------- */

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Every entry of @dir: its name, kind, mode and, for a regular file, its checksum (a named
 * pipe is listed, never opened). */
static char *
folder_snapshot (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *snapshot = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      GStatBuf buf;

      g_assert_cmpint (g_lstat (child, &buf), ==, 0);
      if (S_ISREG (buf.st_mode))
        {
          g_autofree char *sum = file_checksum (child);

          g_ptr_array_add (lines, g_strdup_printf ("%s file %o %s", name, buf.st_mode, sum));
        }
      else if (S_ISDIR (buf.st_mode))
        {
          g_autofree char *inner = folder_snapshot (child);

          g_ptr_array_add (lines, g_strdup_printf ("%s folder %o [%s]", name, buf.st_mode,
                                                   inner));
        }
      else
        g_ptr_array_add (lines, g_strdup_printf ("%s other %o", name, buf.st_mode));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (snapshot, lines->pdata[i]);
      g_string_append_c (snapshot, '\n');
    }
  return g_string_free (snapshot, FALSE);
}

/* Runs the CLI on @path under `timeout`, so a hang fails the test instead of blocking it. */
static CliResult *
run_command (Command      command,
             const char  *path,
             const char  *setpriv)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  CliResult *result = g_new0 (CliResult, 1);
  int wait_status;

  g_ptr_array_add (argv, (char *) "timeout");
  g_ptr_array_add (argv, (char *) "-s");
  g_ptr_array_add (argv, (char *) "KILL");
  g_ptr_array_add (argv, (char *) "30");
  if (setpriv != NULL)
    {
      g_ptr_array_add (argv, (char *) setpriv);
      g_ptr_array_add (argv, (char *) "--reuid=65534");
      g_ptr_array_add (argv, (char *) "--regid=65534");
      g_ptr_array_add (argv, (char *) "--clear-groups");
    }
  g_ptr_array_add (argv, (char *) g_getenv ("SP_CLI"));
  switch (command)
    {
    case CMD_READ:
      g_ptr_array_add (argv, (char *) "log-export");
      g_ptr_array_add (argv, (char *) "-");
      break;
    case CMD_CHECK:
      g_ptr_array_add (argv, (char *) "check");
      break;
    case CMD_EDIT:
      g_ptr_array_add (argv, (char *) "log-add");
      g_ptr_array_add (argv, (char *) "--rep");
      g_ptr_array_add (argv, (char *) "Zhang San");
      g_ptr_array_add (argv, (char *) "--date");
      g_ptr_array_add (argv, (char *) "2026-03-02");
      g_ptr_array_add (argv, (char *) "--prospects");
      g_ptr_array_add (argv, (char *) "5");
      break;
    case N_CMDS:
    default:
      g_assert_not_reached ();
    }
  g_ptr_array_add (argv, (char *) "--file");
  g_ptr_array_add (argv, (char *) path);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "SALES_PLANNER_FILE", "/nonexistent/default.db", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", "/nonexistent/xdg", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
  return result;
}

static const char *
command_name (Command command)
{
  return command == CMD_READ ? "log-export" : command == CMD_CHECK ? "check" : "log-add";
}

/* The one error line: valid UTF-8, at most ~300 characters, naming the file. */
static void
assert_message_shape (const char *err,
                      const char *path)
{
  g_assert_true (g_utf8_validate (err, -1, NULL));
  g_assert_cmpuint (strlen (err), >, 0);
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpuint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_assert_cmpint (g_utf8_strlen (err, -1), <=, 300 + (glong) strlen (path));
  g_assert_nonnull (strstr (err, path));
}

/* A 512 KiB tmpfs at @dir; skips the test where mounting is not allowed. */
static gboolean
mount_small_disk (const char *dir)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", dir, NULL };
  int status = -1;

  if (geteuid () != 0
      || !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                        &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("cannot mount a small tmpfs here (needs root and mount)");
      return FALSE;
    }
  return TRUE;
}

static void
unmount_small_disk (const char *dir)
{
  const char *argv[] = { "umount", dir, NULL };
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Fills the disk of @dir up to its last byte. */
static void
fill_disk (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "fill", NULL);
  static const char block[4096];
  FILE *fp = g_fopen (path, "wb");

  g_assert_nonnull (fp);
  setvbuf (fp, NULL, _IONBF, 0);
  while (fwrite (block, 1, sizeof block, fp) == sizeof block)
    ;
  while (fwrite (block, 1, 1, fp) == 1)
    ;
  fclose (fp);
}

static void
run_case (Fixture       *fixture,
          gconstpointer  data)
{
  const Case *c = data;
  g_autofree char *setpriv = NULL;

  if (c->as_nobody && geteuid () == 0)
    {
      setpriv = g_find_program_in_path ("setpriv");
      if (setpriv == NULL)
        {
          g_test_skip ("running as root without setpriv: nothing is read-only to root");
          return;
        }
      g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
    }

  for (Command command = 0; command < N_CMDS; command++)
    {
      g_autofree char *dir = fixture_path (fixture, command_name (command));
      g_autofree char *path = g_build_filename (dir, "w.db", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(CliResult) result = NULL;

      g_test_message ("%s: %s", c->name, command_name (command));
      g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
      if (c->full_disk && !mount_small_disk (dir))
        return;
      c->make (dir, path);
      if (c->full_disk)
        fill_disk (dir);
      before = folder_snapshot (dir);
      result = run_command (command, path, setpriv);
      after = folder_snapshot (dir);
      g_chmod (dir, 0755);
      if (c->full_disk)
        unmount_small_disk (dir);
      g_test_message ("exit %d: %s", result->status, result->err);

      if (setpriv != NULL && result->status != 0
          && (strstr (result->err, "error while loading shared libraries") != NULL
              || strstr (result->err, "Permission denied") != NULL))
        {
          g_test_skip ("an unprivileged user cannot reach the program or its folder here");
          return;
        }

      if (c->message[command] != NULL)
        {
          g_autofree char *message = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          message = g_strdup_printf (c->message[command], path);
#pragma GCC diagnostic pop

          assert_message_shape (result->err, path);
          assert_failed_with (result, message);
          g_assert_cmpstr (before, ==, after);
        }
      else
        {
          if (command == CMD_CHECK)
            {
              g_autofree char *ok = g_strdup_printf ("OK: %s (schema version %d)\n", path,
                                                     SP_STORE_SCHEMA_VERSION);

              assert_succeeded_with (result, ok);
            }
          else if (command == CMD_EDIT)
            assert_succeeded_with (result, ADDED);
          else
            {
              assert_succeeded_with (result, NULL);
              g_assert_true (g_str_has_prefix (result->out, "Date,Rep,"));
            }
          if (!c->may_change[command])
            g_assert_cmpstr (before, ==, after);
        }
    }
}

/* ---- the cases ---------------------------------------------------------------------------- */

#define NOT_OURS "“%s” is not a Sales Planner workspace: it is not a database file, or it is damaged"
#define EMPTY    "“%s” is empty: it is not a Sales Planner workspace"
#define NOT_FILE "“%s” is not a regular file (a named pipe, a device or a socket), so it is " \
                 "not a Sales Planner workspace"
#define FOREIGN  "“%s” is a database of another program, not a Sales Planner workspace"
#define OURS_FOREIGN "“%s” is marked as a Sales Planner workspace, but its tables are not a " \
                     "workspace’s: another program wrote it"
#define MINUS_ONE "“%s” is damaged: its workspace version (-1) is not valid"
#define TOO_NEW  "“%s” was written by a newer version of Sales Planner (workspace version 999; " \
                 "this version reads up to " G_STRINGIFY (SP_STORE_SCHEMA_VERSION) "). Update Sales Planner to open it."
#define READ_ONLY "“%s” is read-only: Sales Planner needs to write to the file and its folder. " \
                  "Copy it to a folder you can write to, or import it."
#define HOT      "“%s” holds a change another program left unfinished (a “-journal” file beside " \
                 "it). It can be recovered: open it for editing, which rolls the change back."
#define TRUNCATED "“%s” is damaged and cannot be read: database disk image is malformed"
#define INDEX_CHECK "“%s” is damaged: row 1 missing from index worklog_entry_by_day"
#define INDEX_EDIT "“%s” is damaged (row 1 missing from index worklog_entry_by_day), so " \
                   "nothing was changed. Restore a backup, or export what still reads."

#define UPGRADE  "“%s” cannot be upgraded to this version of Sales Planner, so nothing was " \
                 "changed: Could not upgrade the workspace to version 5: Database error: table " \
                 "meeting_template already exists"

#define BAD_SCHEMA "“%s” is damaged and cannot be read: malformed database schema (holiday) - " \
                   "near \"TABE????\": syntax error"
#define FULL     "The disk of “%s” is full: free some space, then try again"

static const Case cases[] = {
  { "truncated", make_truncated, FALSE, FALSE, { TRUNCATED, TRUNCATED, TRUNCATED }, { 0 } },
  { "random", make_random, FALSE, FALSE, { NOT_OURS, NOT_OURS, NOT_OURS }, { 0 } },
  { "empty", make_empty, FALSE, FALSE, { EMPTY, EMPTY, EMPTY }, { 0 } },
  { "fifo", make_fifo, FALSE, FALSE, { NOT_FILE, NOT_FILE, NOT_FILE }, { 0 } },
  { "symlink", make_symlink, FALSE, FALSE, { NULL, NULL, NULL }, { FALSE, FALSE, TRUE } },
  { "foreign", make_foreign, FALSE, FALSE, { FOREIGN, FOREIGN, FOREIGN }, { 0 } },
  { "ours-foreign-schema", make_ours_foreign_schema, FALSE, FALSE,
    { OURS_FOREIGN, OURS_FOREIGN, OURS_FOREIGN }, { 0 } },
  { "version-minus-one", make_version_minus_one, FALSE, FALSE,
    { MINUS_ONE, MINUS_ONE, MINUS_ONE }, { 0 } },
  { "too-new", make_too_new, FALSE, FALSE, { TOO_NEW, TOO_NEW, TOO_NEW }, { 0 } },
  { "broken-index", make_broken_index, FALSE, FALSE, { NULL, INDEX_CHECK, INDEX_EDIT }, { 0 } },
  /* Reading through a connection that may write recovers the file (SQLite's rollback);
   * `check` only reads, so it says what to do. */
  { "hot-journal", make_hot_journal, FALSE, FALSE, { NULL, HOT, NULL }, { TRUE, FALSE, TRUE } },
  { "bad-schema", make_bad_schema, FALSE, FALSE, { BAD_SCHEMA, BAD_SCHEMA, BAD_SCHEMA }, { 0 } },
  { "upgrade-fails", make_upgrade_fails, FALSE, FALSE, { UPGRADE, UPGRADE, UPGRADE }, { 0 } },
  { "read-only-file", make_read_only_file, TRUE, FALSE, { NULL, NULL, READ_ONLY }, { 0 } },
  { "read-only-folder", make_read_only_folder, TRUE, FALSE, { NULL, NULL, READ_ONLY }, { 0 } },
  /* Not even SQLite's sidecars fit: reads work on the file as it is, edits say why not. */
  { "full-disk", make_good, FALSE, TRUE, { NULL, NULL, FULL }, { 0 } },
};

/* A file to import is checked in full: a broken index is refused, and nothing changes. */
static void
test_import_broken_index (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *dir = fixture_path (fixture, "import");
  g_autofree char *source = g_build_filename (dir, "source.db", NULL);
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autofree char *message = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CliResult) result = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  make_broken_index (dir, source);
  make_good (dir, path);
  before = folder_snapshot (dir);
  result = run_cli (fixture, "import", "--file", path, source, NULL);
  after = folder_snapshot (dir);

  message = g_strdup_printf ("“%s” is damaged: row 1 missing from index worklog_entry_by_day",
                             source);
  assert_failed_with (result, message);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/hostile/%s", cases[i].name);

      g_test_add (name, Fixture, &cases[i], fixture_set_up, run_case, fixture_tear_down);
    }

  g_test_add ("/cli/hostile/import-broken-index", Fixture, NULL, fixture_set_up,
              test_import_broken_index, fixture_tear_down);

  return g_test_run ();
}
