/* test-sql.c — sp_sql_run(): each type letter binds what it says; a bad letter is a bug
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-model.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

static sqlite3 *
open_memory (void)
{
  sqlite3 *db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (sp_sql_exec (db, "CREATE TABLE t (id INTEGER PRIMARY KEY, a, b, c, d, e)",
                              &error));
  g_assert_no_error (error);
  return db;
}

/* typeof() and the text of column @column of row @id. */
static void
assert_cell (sqlite3    *db,
             gint64      id,
             const char *column,
             const char *type,
             const char *text)
{
  g_autofree char *sql = g_strdup_printf ("SELECT typeof (%s), %s FROM t WHERE id = ?",
                                          column, column);
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, type);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, text);
}

static void
test_sql_run_letters (void)
{
  sqlite3 *db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup ("文本 text");
  gint64 id = 0, id2 = 0;

  /* 'i' a gint64 beyond 32 bits, 'd' an int, 't' a text, 'n' NULL without an argument. */
  g_assert_true (sp_sql_run (db, NULL, "Could not write", &id, &error,
                             "INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)", "idtn",
                             G_GINT64_CONSTANT (9000000000123), -7, text, NULL));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 1);
  assert_cell (db, id, "a", "integer", "9000000000123");
  assert_cell (db, id, "b", "integer", "-7");
  assert_cell (db, id, "c", "text", "文本 text");
  assert_cell (db, id, "d", "null", NULL);

  /* 'I' binds an id, and 0 as NULL (an optional id); 't' with NULL binds NULL. */
  g_assert_true (sp_sql_run (db, NULL, "Could not write", &id2, &error,
                             "INSERT INTO t (a, b, c) VALUES (?, ?, ?)", "IIt",
                             (gint64) 42, (gint64) 0, NULL));
  g_assert_no_error (error);
  g_assert_cmpint (id2, ==, 2);
  assert_cell (db, id2, "a", "integer", "42");
  assert_cell (db, id2, "b", "null", NULL);
  assert_cell (db, id2, "c", "null", NULL);

  /* Numbered parameters take the letters in order of their numbers. */
  g_assert_true (sp_sql_run (db, NULL, "Could not write", NULL, &error,
                             "UPDATE t SET e = ?2 WHERE id = ?1", "it", id, "e"));
  g_assert_no_error (error);
  assert_cell (db, id, "e", "text", "e");

  sqlite3_close (db);
}

/* A cached statement is kept, run again with new values, and holds no caller's text. */
static void
test_sql_run_cache (void)
{
  static const char *sql = "INSERT INTO t (a, c) VALUES (?, ?)";
  sqlite3 *db = open_memory ();
  g_autoptr(GHashTable) cache = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) sqlite3_finalize);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  for (gint64 i = 1; i <= 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("row %" G_GINT64_FORMAT, i);

      g_assert_true (sp_sql_run (db, cache, "Could not write", &id, &error, sql, "it", i * 10,
                                 text));
      g_assert_no_error (error);
      g_assert_cmpint (id, ==, i);
    }
  g_assert_cmpuint (g_hash_table_size (cache), ==, 1);
  assert_cell (db, 3, "a", "integer", "30");
  assert_cell (db, 3, "c", "text", "row 3");
  /* The bindings were cleared after the run: the statement points at no freed text. */
  {
    char *expanded = sqlite3_expanded_sql (g_hash_table_lookup (cache, sql));

    g_assert_cmpstr (expanded, ==, "INSERT INTO t (a, c) VALUES (NULL, NULL)");
    sqlite3_free (expanded);
  }

  g_clear_pointer (&cache, g_hash_table_unref);
  sqlite3_close (db);
}

/* A failing statement: FALSE, the error prefixed with what failed, and nothing written. */
static void
test_sql_run_failure (void)
{
  sqlite3 *db = open_memory ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_sql_exec (db, "CREATE TABLE u (x INTEGER NOT NULL)", &error));
  g_assert_false (sp_sql_run (db, NULL, "Could not save u", NULL, &error,
                              "INSERT INTO u (x) VALUES (?)", "n"));
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Could not save u: NOT NULL constraint failed: u.x");
  sqlite3_close (db);
}

/* A letter that is not one of "iIdtn" is a programming error: a critical, nothing runs. */
static void
test_sql_run_bad_letter (void)
{
  if (g_test_subprocess ())
    {
      sqlite3 *db = open_memory ();
      g_autoptr(GError) error = NULL;

      sp_sql_run (db, NULL, "Could not write", NULL, &error,
                  "INSERT INTO t (a, b) VALUES (?, ?)", "ix", (gint64) 1, 2);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*sp_sql_run: unknown type letter 'x' in \"ix\"*");
}

/* Without fatal criticals the bad letter still runs nothing and reports an error. */
static void
test_sql_run_bad_letter_nothing_runs (void)
{
  sqlite3 *db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) count = NULL;

  g_test_expect_message ("sp-sql", G_LOG_LEVEL_CRITICAL, "*unknown type letter 'x'*");
  g_assert_false (sp_sql_run (db, NULL, "Could not write", NULL, &error,
                              "INSERT INTO t (a, b) VALUES (?, ?)", "ix", (gint64) 1, 2));
  g_test_assert_expected_messages ();
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SQL);
  count = sp_sql_prepare (db, "SELECT count(*) FROM t", NULL);
  g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (count, 0), ==, 0);
  g_clear_pointer (&count, sqlite3_finalize);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sql/run/letters", test_sql_run_letters);
  g_test_add_func ("/sql/run/cache", test_sql_run_cache);
  g_test_add_func ("/sql/run/failure", test_sql_run_failure);
  g_test_add_func ("/sql/run/bad-letter", test_sql_run_bad_letter);
  g_test_add_func ("/sql/run/bad-letter-nothing-runs", test_sql_run_bad_letter_nothing_runs);

  return g_test_run ();
}
