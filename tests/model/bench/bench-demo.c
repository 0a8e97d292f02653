/* bench-demo.c — how long the large demo workspace takes to generate, and what it holds
 *
 * Usage: bench-demo [demo|large] [PATH]   (default: large, into a temporary folder)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "sp-demo.h"
#include "sp-store-private.h"

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *hash = NULL;
  const char * const *tables = sp_migrations_user_tables ();
  SpDemoSize size = SP_DEMO_SIZE_LARGE;
  GDateTime *now = g_date_time_new_now_local ();
  GDate today;
  GStatBuf st;
  gint64 start, elapsed, total = 0;
  guint calls = 0;

  if (argc > 1 && !sp_demo_size_from_string (argv[1], &size))
    {
      g_printerr ("usage: %s [demo|large] [PATH]\n", argv[0]);
      return 2;
    }

  if (argc > 2)
    path = g_strdup (argv[2]);
  else
    {
      dir = g_dir_make_tmp ("sp-bench-demo-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "workspace.db", NULL);
    }

  store = sp_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_time_unref (now);

  start = g_get_monotonic_time ();
  if (!sp_demo_generate (store, size, SP_DEMO_DEFAULT_SEED, &today, progress_cb, &calls, NULL,
                         &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  elapsed = g_get_monotonic_time () - start;

  g_print ("generated %s in %.2f s (%u progress reports)\n", size == SP_DEMO_SIZE_LARGE
           ? "large" : "demo", elapsed / 1e6, calls);
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", tables[i]);
      g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (sp_store_get_db (store), sql, &error);

      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_print ("  %-26s %9lld\n", tables[i], (long long) sqlite3_column_int64 (stmt, 0));
      total += sqlite3_column_int64 (stmt, 0);
    }
  g_print ("  %-26s %9lld\n", "total rows", (long long) total);
  hash = sp_store_content_hash (store, &error);
  g_assert_no_error (error);
  g_print ("  content hash               %s\n", hash);

  g_clear_object (&store);
  if (g_stat (path, &st) == 0)
    g_print ("  file size                  %6.1f MB\n", st.st_size / 1e6);
  if (dir != NULL)
    remove_dir (dir);

  return 0;
}
