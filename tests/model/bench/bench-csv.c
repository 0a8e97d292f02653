/* bench-csv.c — how fast the CSV reader takes a large history file, and that memory stays flat
 *
 * Usage: bench-csv [ROWS]   (default 1,000,000; the files go to a temporary folder)
 *
 * Writes ROWS history orders with the CSV writer (UTF-8 with a BOM, and the same in GB18030),
 * then reads them back: the reader alone, then the reader with header mapping and the date and
 * amount parsing an importer does. Prints rows/s and the peak RSS of each reading pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sp-csv.h"
#include "sp-money.h"

static const char *const regions[] = { "华东", "华北", "华南", "West", "North" };
static const char *const reps[] = { "张三", "李四", "王五", "Zhang Wei", "O'Brien, Pat" };
static const char *const products[] = { "软件", "硬件", "服务", "Consulting \"Pro\"" };

/* VmHWM / VmRSS in KiB from /proc/self/status (0 where there is none). */
static guint64
proc_status_kib (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, key);
  if (line == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen (key), NULL, 10);
}

/* Lets VmHWM show the peak of the pass that follows (Linux ≥ 4.0). */
static void
reset_peak (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static void
generate (const char *path,
          guint       rows,
          gboolean    gb18030)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                     NULL, &error);
  g_autoptr(GString) batch = g_string_new (NULL);
  const char *header[] = { "订单日期", "金额（元）", "区域", "销售员", "产品线", "客户类型",
                           "客户编号", "订单编号" };
  GRand *rand = g_rand_new_with_seed (1);

  g_assert_no_error (error);
  if (!gb18030)
    sp_csv_write_bom (batch);
  sp_csv_write_row (batch, header, G_N_ELEMENTS (header));

  for (guint r = 0; r < rows; r++)
    {
      char date[16], amount[32], customer[16], order[16];
      const char *fields[8];

      g_snprintf (date, sizeof date, "2025-%02d-%02d", 1 + r % 12, 1 + r % 28);
      g_snprintf (amount, sizeof amount, "%d.%02d", g_rand_int_range (rand, -5000, 500000),
                  g_rand_int_range (rand, 0, 100));
      g_snprintf (customer, sizeof customer, "C-%05u", r % 40000);
      g_snprintf (order, sizeof order, "SO-%07u", r);
      fields[0] = date;
      fields[1] = amount;
      fields[2] = regions[r % G_N_ELEMENTS (regions)];
      fields[3] = reps[r % G_N_ELEMENTS (reps)];
      fields[4] = products[r % G_N_ELEMENTS (products)];
      fields[5] = r % 3 == 0 ? "大客户" : "中小企业";
      fields[6] = customer;
      fields[7] = order;
      sp_csv_write_row (batch, fields, G_N_ELEMENTS (fields));

      if (batch->len > 1 << 20 || r + 1 == rows)
        {
          g_autofree char *converted = NULL;
          const char *data = batch->str;
          gsize len = batch->len;

          if (gb18030)
            {
              converted = g_convert (batch->str, batch->len, "GB18030", "UTF-8", NULL, &len, &error);
              g_assert_no_error (error);
              data = converted;
            }
          g_output_stream_write_all (G_OUTPUT_STREAM (out), data, len, NULL, NULL, &error);
          g_assert_no_error (error);
          g_string_truncate (batch, 0);
        }
    }

  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);
  g_rand_free (rand);
}

static void
read_pass (const char *path,
           const char *what,
           guint       rows,
           gboolean    parse_cells)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, &error);
  g_autoptr(SpCsvReader) reader = NULL;
  g_autoptr(SpCsvColumnMap) map = NULL;
  const SpCurrency *cny = sp_currency_lookup ("CNY");
  const SpCsvField *history;
  const char * const *fields;
  guint n, n_history, line, count = 0;
  guint64 rss_at_10 = 0, checksum = 0;
  gint64 start;
  double seconds;

  g_assert_no_error (error);
  reset_peak ();
  start = g_get_monotonic_time ();

  reader = sp_csv_reader_new (G_INPUT_STREAM (in), SP_CSV_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_true (sp_csv_reader_next (reader, &fields, &n, &line, &error));
  history = sp_csv_history_fields (&n_history);
  map = sp_csv_column_map_from_header (history, n_history, fields, n);
  g_assert_true (sp_csv_column_map_validate (map, &error));

  while (sp_csv_reader_next (reader, &fields, &n, &line, &error))
    {
      if (parse_cells)
        {
          GDate date;
          gint64 minor;

          if (!sp_csv_reader_check_field_count (reader, n_history, &error)
              || !sp_csv_parse_date (sp_csv_column_map_get_value (map, fields, n, SP_CSV_HISTORY_DATE),
                                     SP_CSV_DATE_ORDER_AUTO, &date, &error)
              || !sp_money_parse (sp_csv_column_map_get_value (map, fields, n, SP_CSV_HISTORY_AMOUNT),
                                  cny, &minor, &error))
            g_error ("line %u: %s", line, error->message);
          checksum += (guint64) minor + g_date_get_julian (&date);
        }
      else
        {
          checksum += n;
        }
      if (++count == rows / 10)
        rss_at_10 = proc_status_kib ("VmRSS:");
    }
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, rows);

  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("%-28s %-7s %u rows in %.2f s = %.0f rows/s; RSS at 10%%: %" G_GUINT64_FORMAT
           " KiB, at end: %" G_GUINT64_FORMAT " KiB, peak: %" G_GUINT64_FORMAT " KiB (checksum %"
           G_GUINT64_FORMAT ")\n",
           what, sp_csv_encoding_to_string (sp_csv_reader_get_encoding (reader)), count, seconds,
           count / seconds, rss_at_10, proc_status_kib ("VmRSS:"), proc_status_kib ("VmHWM:"),
           checksum);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sp-bench-csv-XXXXXX", &error);
  g_autofree char *utf8 = NULL;
  g_autofree char *gb = NULL;
  guint rows = 1000000;
  GStatBuf st;

  if (argc > 1)
    rows = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  if (rows < 10)
    {
      g_printerr ("usage: %s [ROWS ≥ 10]\n", argv[0]);
      return 2;
    }
  g_assert_no_error (error);
  utf8 = g_build_filename (dir, "history-utf8.csv", NULL);
  gb = g_build_filename (dir, "history-gb18030.csv", NULL);

  generate (utf8, rows, FALSE);
  generate (gb, rows, TRUE);
  g_stat (utf8, &st);
  g_print ("%u rows: UTF-8 file %.1f MB", rows, st.st_size / 1e6);
  g_stat (gb, &st);
  g_print (", GB18030 file %.1f MB; RSS before reading: %" G_GUINT64_FORMAT " KiB\n",
           st.st_size / 1e6, proc_status_kib ("VmRSS:"));

  read_pass (utf8, "read", rows, FALSE);
  read_pass (utf8, "read + map + date + amount", rows, TRUE);
  read_pass (gb, "read", rows, FALSE);
  read_pass (gb, "read + map + date + amount", rows, TRUE);

  g_unlink (utf8);
  g_unlink (gb);
  g_rmdir (dir);

  return 0;
}
