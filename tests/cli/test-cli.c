/* test-cli.c — sales-planner-cli as a script sees it: exit status, stdout, the one stderr line
 *
 * Runs the built binary ($SP_CLI) on files made here. Where the CLI relays a message of the
 * model, the expected line is computed by calling the same model function in this process,
 * so the test pins the CLI's contract (one line, exit 1, file untouched), not the wording.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli-runner.h"

/* ---- usage ---------------------------------------------------------------------------- */

static void
test_usage_unknown_command (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CliResult) r1 = run_cli (fixture, "frobnicate", NULL);
  g_autoptr(CliResult) r2 = run_cli (fixture, "help", "frobnicate", NULL);
  g_autoptr(CliResult) r3 = run_cli (fixture, NULL);

  assert_usage_error (r1, "Unknown command “frobnicate”; run “sales-planner-cli help” for a list "
                          "of commands");
  assert_usage_error (r2, "Unknown command “frobnicate”; run “sales-planner-cli help” for a list "
                          "of commands");
  assert_usage_error (r3, "No command given; run “sales-planner-cli help” for a list of commands");
}

static void
test_usage_arguments (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CliResult) r1 = run_cli (fixture, "import", NULL);
  g_autoptr(CliResult) r2 = run_cli (fixture, "export", NULL);
  g_autoptr(CliResult) r3 = run_cli (fixture, "check", "extra", NULL);
  g_autoptr(CliResult) r4 = run_cli (fixture, "export", "a.salesplan", "b.salesplan", NULL);
  g_autoptr(CliResult) r5 = run_cli (fixture, "check", "--bogus", NULL);
  g_autoptr(CliResult) r6 = run_cli (fixture, "--bogus", "check", NULL);
  g_autoptr(CliResult) r7 = run_cli (fixture, "check", "--file", NULL);
  g_autofree char *snap = snapshot (fixture);

  assert_usage_error (r1, "Missing argument FILE for “import”");
  assert_usage_error (r2, "Missing argument FILE for “export”");
  assert_usage_error (r3, "Unexpected argument “extra” for “check”");
  assert_usage_error (r4, "Unexpected argument “b.salesplan” for “export”");
  /* GOption's own messages (GLib's translations). */
  assert_usage_error (r5, "Unknown option --bogus");
  assert_usage_error (r6, "Unknown option --bogus");
  assert_usage_error (r7, "Missing argument for --file");
  /* No usage error creates the default workspace. */
  g_assert_cmpstr (snap, ==, "");
}

static void
test_usage_demo_values (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CliResult) r1 = run_cli (fixture, "demo", "--size", "huge", NULL);
  g_autoptr(CliResult) r2 = run_cli (fixture, "demo", "--seed", "-3", NULL);
  g_autoptr(CliResult) r3 = run_cli (fixture, "demo", "--seed", "12x", NULL);
  g_autoptr(CliResult) r4 = run_cli (fixture, "demo", "--today", "2026-02-30", NULL);
  g_autoptr(CliResult) r5 = run_cli (fixture, "demo", "--today", "22/11/2026", NULL);
  g_autofree char *snap = snapshot (fixture);

  assert_usage_error (r1, "Unknown demo size “huge”: use “demo” or “large”");
  assert_usage_error (r2, "Invalid seed “-3”: expected a whole number");
  assert_usage_error (r3, "Invalid seed “12x”: expected a whole number");
  assert_usage_error (r4, "Invalid date “2026-02-30”: expected YYYY-MM-DD");
  assert_usage_error (r5, "Invalid date “22/11/2026”: expected YYYY-MM-DD");
  g_assert_cmpstr (snap, ==, "");
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const names[] = { "help", "init", "demo", "import", "export", "check" };
  g_autoptr(CliResult) main_help = run_cli (fixture, "--help", NULL);
  g_autoptr(CliResult) help = run_cli (fixture, "help", NULL);
  g_autoptr(CliResult) version = run_cli (fixture, "--version", NULL);
  g_autofree char *snap = NULL;

  assert_succeeded_with (main_help, NULL);
  assert_succeeded_with (help, main_help->out);
  g_assert_true (g_str_has_prefix (main_help->out,
                                   "Usage:\n  sales-planner-cli [OPTION…] COMMAND [ARGUMENT…]\n"));
  g_assert_nonnull (strstr (main_help->out, "--file=PATH"));
  g_assert_nonnull (strstr (main_help->out, "--version"));
  assert_succeeded_with (version, "sales-planner-cli " VERSION "\n");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CliResult) by_option = run_cli (fixture, names[i], "--help", NULL);
      g_autoptr(CliResult) by_short = run_cli (fixture, names[i], "-h", NULL);
      g_autoptr(CliResult) by_help = run_cli (fixture, "help", names[i], NULL);
      g_autofree char *usage = g_strdup_printf ("Usage:\n  sales-planner-cli %s [OPTION…]",
                                                names[i]);
      g_autofree char *listed = g_strdup_printf ("\n  %-8s  ", names[i]);

      assert_succeeded_with (by_option, NULL);
      assert_succeeded_with (by_short, by_option->out);
      assert_succeeded_with (by_help, by_option->out);
      g_assert_true (g_str_has_prefix (by_option->out, usage));
      g_assert_nonnull (strstr (by_option->out, "--file=PATH"));
      g_assert_nonnull (strstr (main_help->out, listed));
    }

  {
    g_autoptr(CliResult) export_help = run_cli (fixture, "export", "--help", NULL);
    g_autoptr(CliResult) demo_help = run_cli (fixture, "demo", "--help", NULL);

    g_assert_true (g_str_has_prefix (export_help->out,
                                     "Usage:\n  sales-planner-cli export [OPTION…] FILE\n"));
    g_assert_nonnull (strstr (export_help->out, "--force"));
    g_assert_nonnull (strstr (demo_help->out, "--size=SIZE"));
    g_assert_nonnull (strstr (demo_help->out, "--seed=N"));
    g_assert_nonnull (strstr (demo_help->out, "--today=YYYY-MM-DD"));
  }

  /* Help never touches a workspace. */
  snap = snapshot (fixture);
  g_assert_cmpstr (snap, ==, "");
}

/* ---- a good workspace ---------------------------------------------------------------- */

static void
test_init_and_check (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "ws.db");
  g_autofree char *default_path = fixture_path (fixture, "default.db");
  g_autofree char *created = g_strdup_printf ("Created an empty workspace at “%s”\n", path);
  g_autofree char *ok = g_strdup_printf ("OK: %s (schema version %d)\n", path,
                                         SP_STORE_SCHEMA_VERSION);
  g_autofree char *ok_default = g_strdup_printf ("OK: %s (schema version %d)\n", default_path,
                                                 SP_STORE_SCHEMA_VERSION);
  g_autofree char *exists = g_strdup_printf ("The file “%s” already exists", path);
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_autoptr(CliResult) init = run_cli (fixture, "init", "--file", path, NULL);
  g_autoptr(CliResult) check = NULL;
  g_autoptr(CliResult) check_global = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autoptr(CliResult) init_default = NULL;
  g_autoptr(CliResult) check_default = NULL;

  assert_succeeded_with (init, created);

  sum = file_checksum (path);
  check = run_cli (fixture, "check", "--file", path, NULL);
  check_global = run_cli (fixture, "--file", path, "check", NULL);
  again = run_cli (fixture, "init", "--file", path, NULL);
  sum_after = file_checksum (path);

  assert_succeeded_with (check, ok);
  assert_succeeded_with (check_global, ok);
  assert_failed_with (again, exists);
  g_assert_cmpstr (sum, ==, sum_after);

  /* No --file: $SALES_PLANNER_FILE (run_cli points it into the fixture). */
  init_default = run_cli (fixture, "init", NULL);
  check_default = run_cli (fixture, "check", NULL);
  g_assert_cmpint (init_default->status, ==, 0);
  assert_succeeded_with (check_default, ok_default);
}

static void
test_missing_workspace (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "missing.db");
  g_autofree char *out = fixture_path (fixture, "out.salesplan");
  g_autofree char *no_folder = g_build_filename ("/proc", "sp-no-such-folder", "ws.db", NULL);
  g_autoptr(CliResult) check = run_cli (fixture, "check", "--file", path, NULL);
  g_autoptr(CliResult) export = run_cli (fixture, "export", "--file", path, out, NULL);
  g_autoptr(CliResult) import = run_cli (fixture, "import", "--file", path, out, NULL);
  g_autoptr(CliResult) init = run_cli (fixture, "init", "--file", no_folder, NULL);
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GError) validate_error = NULL;
  g_autoptr(GError) create_error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autofree char *snap = snapshot (fixture);

  /* Checking or exporting a workspace that does not exist never creates it. */
  g_assert_cmpstr (snap, ==, "");

  store = sp_store_open_read_only (path, &read_error);
  g_assert_null (store);
  g_assert_nonnull (read_error);
  assert_failed_with (check, read_error->message);
  assert_failed_with (export, read_error->message);

  g_assert_false (sp_store_validate_file (out, &validate_error));
  g_assert_nonnull (validate_error);
  assert_failed_with (import, validate_error->message);

  /* As root nothing is read-only by permission, but /proc refuses new folders to anyone. */
  store = sp_store_open (no_folder, &create_error);
  g_assert_null (store);
  g_assert_nonnull (create_error);
  g_assert_true (create_error->domain == SP_STORE_ERROR);
  assert_failed_with (init, create_error->message);
}

static void
test_demo_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "ws.db");
  g_autoptr(CliResult) first = run_cli (fixture, "demo", "--file", path, "--seed", "7",
                                        "--today", TODAY, NULL);
  g_autoptr(CliResult) second = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *hash_after = NULL;
  GDate today;

  g_assert_cmpstr (first->err, ==, "");
  g_assert_cmpint (first->status, ==, 0);

  store = sp_store_open_read_only (path, &error);
  g_assert_no_error (error);
  regions = sp_region_list (store, &error);
  g_assert_no_error (error);
  reps = sp_rep_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (reps), ==, 12);
  g_clear_object (&store);
  expected = g_strdup_printf ("Filled “%s” with demo data (seed 7, as of " TODAY "): "
                              "3 regions, 12 reps\n", path);
  assert_succeeded_with (first, expected);

  hash = content_hash (path);
  second = run_cli (fixture, "demo", "--file", path, "--seed", "8", NULL);
  hash_after = content_hash (path);
  g_assert_cmpstr (hash, ==, hash_after);

  /* The refusal is the model's: ask it the same question. */
  store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sp_date_parse_iso (TODAY, &today));
  g_assert_false (sp_demo_generate (store, SP_DEMO_SIZE_DEMO, 8, &today, NULL, NULL, NULL,
                                    &error));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  assert_failed_with (second, error->message);
}

static void
test_export_import_round_trip (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *a = fixture_path (fixture, "a.db");
  g_autofree char *b = fixture_path (fixture, "b.db");
  g_autofree char *x = fixture_path (fixture, "x.salesplan");
  g_autofree char *exported = g_strdup_printf ("Exported “%s” to “%s”\n", a, x);
  g_autofree char *refused = g_strdup_printf ("The file “%s” already exists; use --force to "
                                              "replace it", x);
  g_autofree char *onto_itself = g_strdup_printf ("“%s” is the workspace itself", a);
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_x = NULL;
  g_autofree char *hash_b = NULL;
  g_autofree char *sum_x = NULL;
  g_autofree char *sum_x_after = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(CliResult) demo = run_cli (fixture, "demo", "--file", a, "--today", TODAY, NULL);
  g_autoptr(CliResult) export = run_cli (fixture, "export", "--file", a, x, NULL);
  g_autoptr(CliResult) again = NULL;
  g_autoptr(CliResult) forced = NULL;
  g_autoptr(CliResult) itself = NULL;
  g_autoptr(CliResult) import_itself = NULL;
  g_autoptr(CliResult) init = NULL;
  g_autoptr(CliResult) import = NULL;
  g_autoptr(CliResult) check = NULL;
  const char *end;

  g_assert_cmpint (demo->status, ==, 0);
  assert_succeeded_with (export, exported);

  sum_x = file_checksum (x);
  again = run_cli (fixture, "export", "--file", a, x, NULL);
  sum_x_after = file_checksum (x);
  assert_failed_with (again, refused);
  g_assert_cmpstr (sum_x, ==, sum_x_after);

  forced = run_cli (fixture, "export", "--force", "--file", a, x, NULL);
  assert_succeeded_with (forced, exported);

  itself = run_cli (fixture, "export", "--force", "--file", a, a, NULL);
  assert_usage_error (itself, onto_itself);
  import_itself = run_cli (fixture, "import", "--file", a, a, NULL);
  assert_usage_error (import_itself, onto_itself);

  init = run_cli (fixture, "init", "--file", b, NULL);
  g_assert_cmpint (init->status, ==, 0);
  import = run_cli (fixture, "import", "--file", b, x, NULL);
  g_assert_cmpstr (import->err, ==, "");
  g_assert_cmpint (import->status, ==, 0);

  /* "Imported “x” into “b”; the previous contents were saved to “BACKUP”\n" */
  prefix = g_strdup_printf ("Imported “%s” into “%s”; the previous contents were saved to “",
                            x, b);
  g_assert_true (g_str_has_prefix (import->out, prefix));
  g_assert_true (g_str_has_suffix (import->out, "”\n"));
  end = import->out + strlen (import->out) - strlen ("”\n");
  backup = g_strndup (import->out + strlen (prefix), end - (import->out + strlen (prefix)));
  backup_dir = sp_store_backup_dir (b);
  g_assert_true (g_str_has_prefix (backup, backup_dir));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  hash_a = content_hash (a);
  hash_x = content_hash (x);
  hash_b = content_hash (b);
  g_assert_cmpstr (hash_a, ==, hash_x);
  g_assert_cmpstr (hash_a, ==, hash_b);

  check = run_cli (fixture, "check", "--file", b, NULL);
  g_assert_cmpint (check->status, ==, 0);
}

/* ---- bad files ------------------------------------------------------------------------ */

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  BadKind kind = GPOINTER_TO_INT (data);
  g_autofree char *bad = fixture_path (fixture, "bad.db");
  g_autofree char *good = fixture_path (fixture, "good.db");
  g_autofree char *good_export = fixture_path (fixture, "good.salesplan");
  g_autofree char *out = fixture_path (fixture, "out.salesplan");
  g_autofree char *exists = g_strdup_printf ("The file “%s” already exists", bad);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_model = NULL;
  g_autofree char *good_hash = NULL;
  g_autofree char *good_hash_after = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GError) write_error = NULL;
  g_autoptr(GError) validate_error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(CliResult) demo = run_cli (fixture, "demo", "--file", good, "--today", TODAY, NULL);
  g_autoptr(CliResult) export_good = run_cli (fixture, "export", "--file", good, good_export,
                                              NULL);
  g_autoptr(CliResult) check = NULL;
  g_autoptr(CliResult) init = NULL;
  g_autoptr(CliResult) fill = NULL;
  g_autoptr(CliResult) export = NULL;
  g_autoptr(CliResult) import_into = NULL;
  g_autoptr(CliResult) import_from = NULL;

  g_assert_cmpint (demo->status, ==, 0);
  g_assert_cmpint (export_good->status, ==, 0);
  good_hash = content_hash (good);

  write_bad_file (bad, kind);
  before = snapshot (fixture);

  check = run_cli (fixture, "check", "--file", bad, NULL);
  init = run_cli (fixture, "init", "--file", bad, NULL);
  fill = run_cli (fixture, "demo", "--file", bad, NULL);
  export = run_cli (fixture, "export", "--file", bad, out, NULL);
  import_into = run_cli (fixture, "import", "--file", bad, good_export, NULL);
  import_from = run_cli (fixture, "import", "--file", good, bad, NULL);

  /* Not a byte changed, no file added (no journal, no backup, no export). */
  after = snapshot (fixture);
  g_assert_cmpstr (before, ==, after);
  good_hash_after = content_hash (good);
  g_assert_cmpstr (good_hash, ==, good_hash_after);

  /* The lines are the model's messages for the same calls. */
  store = sp_store_open_read_only (bad, &read_error);
  g_assert_null (store);
  store = sp_store_open (bad, &write_error);
  g_assert_null (store);
  g_assert_false (sp_store_validate_file (bad, &validate_error));
  after_model = snapshot (fixture);
  g_assert_cmpstr (before, ==, after_model);

  switch (kind)
    {
    case BAD_RANDOM:
    case BAD_SQLITE_HEADER:
      g_assert_error (read_error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT);
      g_assert_error (write_error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT);
      g_assert_error (validate_error, SP_STORE_ERROR, SP_STORE_ERROR_CORRUPT);
      break;
    case BAD_FOREIGN:
      g_assert_error (read_error, SP_STORE_ERROR, SP_STORE_ERROR_FOREIGN);
      g_assert_error (write_error, SP_STORE_ERROR, SP_STORE_ERROR_FOREIGN);
      g_assert_error (validate_error, SP_STORE_ERROR, SP_STORE_ERROR_FOREIGN);
      break;
    case BAD_TOO_NEW:
      g_assert_error (read_error, SP_STORE_ERROR, SP_STORE_ERROR_TOO_NEW);
      g_assert_error (write_error, SP_STORE_ERROR, SP_STORE_ERROR_TOO_NEW);
      g_assert_error (validate_error, SP_STORE_ERROR, SP_STORE_ERROR_TOO_NEW);
      break;
    default:
      g_assert_not_reached ();
    }

  assert_failed_with (check, read_error->message);
  assert_failed_with (init, exists);
  assert_failed_with (fill, write_error->message);
  assert_failed_with (export, read_error->message);
  assert_failed_with (import_into, write_error->message);
  assert_failed_with (import_from, validate_error->message);
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "ws.db");
  g_autofree char *out = fixture_path (fixture, "out.salesplan");
  g_autofree char *ok = g_strdup_printf ("OK: %s (schema version %d)\n", path,
                                         SP_STORE_SCHEMA_VERSION);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CliResult) init = NULL;
  g_autoptr(CliResult) demo = NULL;
  g_autoptr(CliResult) check = NULL;
  g_autoptr(CliResult) export = NULL;
  gboolean as_root = geteuid () == 0;

  init = run_cli (fixture, "init", "--file", path, NULL);
  g_assert_cmpint (init->status, ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  /* Root writes through any permission bits (and CI runs as root), so then the CLI runs as
   * "nobody", for whom the root-owned file and folder are read-only. */
  if (as_root)
    {
      fixture->setpriv = g_find_program_in_path ("setpriv");
      if (fixture->setpriv == NULL)
        {
          g_test_skip ("running as root without setpriv: nothing is read-only to root");
          return;
        }
      g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);

      /* Some sandboxes (a chroot whose root folder is private to root) let no other user
       * reach the program or its folder at all: there is nothing to test there. */
      {
        g_autoptr(CliResult) probe = run_cli (fixture, "check", "--file", path, NULL);

        if (strstr (probe->err, "error while loading shared libraries") != NULL
            || strstr (probe->err, "Permission denied") != NULL)
          {
            g_test_skip ("an unprivileged user cannot reach the program or its folder here");
            g_clear_pointer (&fixture->setpriv, g_free);
            return;
          }
      }
    }
  else
    g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  before = snapshot (fixture);
  demo = run_cli (fixture, "demo", "--file", path, NULL);
  check = run_cli (fixture, "check", "--file", path, NULL);
  export = run_cli (fixture, "export", "--file", path, out, NULL);
  after = snapshot (fixture);
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpstr (before, ==, after);

  /* Checking never needs to write. */
  assert_succeeded_with (check, ok);
  /* Nor does exporting, but the folder cannot take the new file. */
  g_assert_cmpint (export->status, ==, 1);

  if (!as_root)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpStore) store = sp_store_open (path, &error);

      g_assert_null (store);
      g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_READ_ONLY);
      assert_failed_with (demo, error->message);
    }
  else
    {
      /* This process (root) cannot ask the model what "nobody" is told: check the shape. */
      g_autofree char *quoted = g_strdup_printf ("“%s”", path);

      g_assert_cmpint (demo->status, ==, 1);
      g_assert_cmpstr (demo->out, ==, "");
      g_assert_true (g_str_has_prefix (demo->err, PREFIX));
      g_assert_true (g_str_has_suffix (demo->err, "\n"));
      g_assert_cmpint (strchr (demo->err, '\n') - demo->err, ==, strlen (demo->err) - 1);
      g_assert_nonnull (strstr (demo->err, quoted));
    }
}

/* ---- translations --------------------------------------------------------------------- */

static void
test_zh_cn (Fixture       *fixture,
            gconstpointer  data)
{
  const char *builddir = g_getenv ("SP_BUILD_ROOT");
  g_autofree char *localedir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *bad = fixture_path (fixture, "bad.db");
  g_autofree char *translated = NULL;
  g_autofree char *english = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(CliResult) unknown = NULL;
  g_autoptr(CliResult) unknown_en = NULL;
  g_autoptr(CliResult) check = NULL;
#define UNKNOWN_FORMAT "Unknown command “%s”; run “%s help” for a list of commands"
  const char *env[] = { "LANGUAGE", "zh_CN", "SALES_PLANNER_LOCALEDIR", NULL, NULL };

  g_assert_nonnull (builddir);
  localedir = g_build_filename (builddir, "po", NULL);
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("po/zh_CN/LC_MESSAGES/" GETTEXT_PACKAGE ".mo is not built");
      return;
    }
  env[3] = localedir;

  /* What the catalogue says, asked here the way the CLI asks it. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (textdomain (NULL)); /* drops gettext's cache of earlier look-ups */
  translated = g_strdup_printf (dgettext (GETTEXT_PACKAGE, UNKNOWN_FORMAT), "frobnicate",
                                "sales-planner-cli");

  write_bad_file (bad, BAD_RANDOM);
  store = sp_store_open_read_only (bad, &error);
  g_assert_null (store);

  g_unsetenv ("LANGUAGE");
  textdomain (textdomain (NULL));
  english = g_strdup_printf (UNKNOWN_FORMAT, "frobnicate", "sales-planner-cli");

  unknown = run_cli_env (fixture, env, "frobnicate", NULL);
  unknown_en = run_cli (fixture, "frobnicate", NULL);
  check = run_cli_env (fixture, env, "check", "--file", bad, NULL);

  assert_usage_error (unknown_en, english);
  assert_usage_error (unknown, translated);
  /* The model's messages come through in Chinese too. */
  assert_failed_with (check, error->message);

  if (g_str_equal (translated, english))
    {
      g_test_skip ("zh_CN.po does not translate the CLI's messages yet");
      return;
    }
  g_assert_cmpstr (unknown->err, !=, unknown_en->err);
  g_assert_true (g_utf8_validate (unknown->err, -1, NULL));
#undef UNKNOWN_FORMAT
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, (data), fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/usage/unknown-command", test_usage_unknown_command, NULL);
  ADD ("/cli/usage/arguments", test_usage_arguments, NULL);
  ADD ("/cli/usage/demo-values", test_usage_demo_values, NULL);
  ADD ("/cli/help", test_help, NULL);
  ADD ("/cli/workspace/init-and-check", test_init_and_check, NULL);
  ADD ("/cli/workspace/missing", test_missing_workspace, NULL);
  ADD ("/cli/workspace/demo-twice", test_demo_twice, NULL);
  ADD ("/cli/workspace/export-import-round-trip", test_export_import_round_trip, NULL);
  ADD ("/cli/bad-file/random-bytes", test_bad_file, GINT_TO_POINTER (BAD_RANDOM));
  ADD ("/cli/bad-file/damaged-sqlite", test_bad_file, GINT_TO_POINTER (BAD_SQLITE_HEADER));
  ADD ("/cli/bad-file/foreign-sqlite", test_bad_file, GINT_TO_POINTER (BAD_FOREIGN));
  ADD ("/cli/bad-file/newer-version", test_bad_file, GINT_TO_POINTER (BAD_TOO_NEW));
  ADD ("/cli/bad-file/read-only", test_read_only_file, NULL);
  ADD ("/cli/i18n/zh-cn", test_zh_cn, NULL);

#undef ADD

  return g_test_run ();
}
