/* bench-history-import.c — how long the history import takes to preview and to commit a large
 * file into a new workspace
 *
 * Usage: bench-history-import [ROWS]   (default 1,000,000; the files go to a temporary folder)
 *
 * Writes ROWS orders (Chinese headers, a BOM, 5 regions, 5 reps, 4 products, 2 customer types,
 * a customer and an order number each), then runs sp_history_import_preview() and
 * sp_history_import_commit() on a fresh workspace. Prints the seconds and rows/s of each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <time.h>

#include "sp-history-import.h"
#include "sp-store.h"
#include "sp-test-utils.h"

/* CPU seconds of this process: the machine may be busy, so the wall time alone misleads. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
write_orders (const char *path,
              guint       rows)
{
  g_autoptr(GString) text = g_string_new ("\xef\xbb\xbf订单日期,金额（元）,区域,销售员,产品线,"
                                          "客户类型,客户编号,订单编号\r\n");
  g_autoptr(GError) error = NULL;
  static const char *const regions[] = { "华东", "华北", "华南", "West", "North" };
  static const char *const products[] = { "软件", "硬件", "服务", "\"Consulting \"\"Pro\"\"\"" };

  for (guint r = 0; r < rows; r++)
    g_string_append_printf (text, "2025-%02u-%02u,%u.%02u,%s,Rep %u,%s,%s,C-%05u,SO-%07u\r\n",
                            1 + r % 12, 1 + r % 28, (r * 7919u) % 500000u, r % 100,
                            regions[r % G_N_ELEMENTS (regions)], r % 5,
                            products[r % G_N_ELEMENTS (products)],
                            r % 3 == 0 ? "大客户" : "中小企业", r % 40000, r);
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *csv = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpHistoryPreview) preview = NULL;
  g_autoptr(SpHistoryPreview) done = NULL;
  guint rows = 1000000;
  gboolean ok;
  gint64 start;
  double cpu, preview_s, commit_s, preview_cpu, commit_cpu;

  if (argc > 1)
    rows = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  if (rows < 1)
    {
      g_printerr ("usage: %s [ROWS ≥ 1]\n", argv[0]);
      return 2;
    }
  csv = g_build_filename (dir, "history.csv", NULL);
  db = g_build_filename (dir, "workspace.db", NULL);
  write_orders (csv, rows);
  file = g_file_new_for_path (csv);
  store = sp_store_open (db, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  preview = sp_history_import_preview (store, file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  preview_s = (g_get_monotonic_time () - start) / 1e6;
  preview_cpu = cpu_seconds () - cpu;
  g_assert_cmpuint (preview->rows_accepted, ==, rows);

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  ok = sp_history_import_commit (store, file, NULL, NULL, NULL, NULL, &done, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  commit_s = (g_get_monotonic_time () - start) / 1e6;
  commit_cpu = cpu_seconds () - cpu;
  g_assert_cmpuint (done->rows_accepted, ==, rows);
  g_assert_cmpint (done->total_amount, ==, preview->total_amount);

  g_print ("history import of %u rows: preview %.2f s (CPU %.2f s, %.0f rows/s), commit %.2f s"
           " (CPU %.2f s, %.0f rows/s)%s\n", rows, preview_s, preview_cpu, rows / preview_s,
           commit_s, commit_cpu, rows / commit_s,
           done->backup_path != NULL ? ", after a backup, without undo" : ", one undo step");

  g_clear_object (&store);
  sp_test_remove_tree (dir);
  return 0;
}
