/* test-worklog-csv.c — the work log's CSV import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sp-model.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

typedef struct
{
  char    *dir;
  SpStore *store;
  gint64   zhang;     /* Zhang San, East */
  gint64   li_east;   /* Li Si, East */
  gint64   li_west;   /* Li Si, West */
  gint64   wang;      /* Wang Wu, West */
  gint64   west;
} Fixture;

static SpStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SpStore *store = sp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* The same regions and reps in every workspace, so ids match too. */
static void
add_team (SpStore *store,
          Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 east = sp_region_add (store, "East", &error);
  gint64 west;

  g_assert_no_error (error);
  west = sp_region_add (store, "West", &error);
  g_assert_no_error (error);
  f->west = west;
  f->zhang = sp_rep_add (store, "Zhang San", east, &error);
  g_assert_no_error (error);
  f->li_east = sp_rep_add (store, "Li Si", east, &error);
  g_assert_no_error (error);
  f->li_west = sp_rep_add (store, "Li Si", west, &error);
  g_assert_no_error (error);
  f->wang = sp_rep_add (store, "Wang Wu", west, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = sp_test_make_dir ();
  f->store = open_store (f->dir, "workspace.db");
  add_team (f->store, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
}

static GFile *
write_bytes (Fixture    *f,
             const char *name,
             const char *contents,
             gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static char *
hash (SpStore *store)
{
  g_autoptr(GError) error = NULL;
  char *h = sp_store_content_hash (store, &error);

  g_assert_no_error (error);
  return h;
}

static void
day (GDate *date,
     int    d)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, G_DATE_MARCH, 2026);
}

/* Everything in March 2026 as CSV. */
static char *
export (SpStore                 *store,
        gint64                   rep_id,
        gint64                   region_id,
        SpWorklogCsvExportFlags  flags,
        guint                   *n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  GDate from, to;

  day (&from, 1);
  day (&to, 31);
  g_assert_true (sp_worklog_csv_export (store, &from, &to, rep_id, region_id, flags, stream,
                                        n_rows, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write (stream, "", 1, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
fill (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SpWorklogEntry entries[3];
  GDate d;

  day (&d, 2);
  sp_worklog_entry_init (&entries[0], f->zhang, &d);
  for (guint i = 0; i < SP_WORKLOG_N_VALUES; i++)
    entries[0].values[i] = 10 + i;
  entries[0].values[SP_WORKLOG_FIELD_REVENUE] = 1234556;
  entries[0].values[SP_WORKLOG_FIELD_COLLECTED] = 5;
  sp_worklog_entry_set_note (&entries[0], SP_WORKLOG_FIELD_SUMMARY, "=SUM(A1), \"quoted\"\nline 2");
  sp_worklog_entry_set_note (&entries[0], SP_WORKLOG_FIELD_PROBLEMS, "客户犹豫");
  sp_worklog_entry_set_note (&entries[0], SP_WORKLOG_FIELD_HELP_NEEDED, "-5 discount");
  sp_worklog_entry_set_note (&entries[0], SP_WORKLOG_FIELD_TOMORROW_PLAN, "回访三家");
  sp_worklog_entry_init (&entries[1], f->li_west, &d);
  entries[1].values[SP_WORKLOG_FIELD_PROSPECTS] = 3;
  day (&d, 3);
  sp_worklog_entry_init (&entries[2], f->li_east, &d);
  entries[2].values[SP_WORKLOG_FIELD_ORDERS] = 2;
  g_assert_true (sp_worklog_set_entries (f->store, entries, 3, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    sp_worklog_entry_clear (&entries[i]);
}

static void
assert_same_entry (SpStore *a,
                   SpStore *b,
                   gint64   rep_id,
                   int      d)
{
  g_autoptr(GError) error = NULL;
  g_auto(SpWorklogEntry) ea = { 0 };
  g_auto(SpWorklogEntry) eb = { 0 };
  gboolean exists_a, exists_b;
  GDate date;

  day (&date, d);
  g_assert_true (sp_worklog_get (a, rep_id, &date, &ea, &exists_a, &error));
  g_assert_no_error (error);
  g_assert_true (sp_worklog_get (b, rep_id, &date, &eb, &exists_b, &error));
  g_assert_no_error (error);
  g_assert_true (exists_a);
  g_assert_true (exists_b);
  for (guint i = 0; i < SP_WORKLOG_N_VALUES; i++)
    g_assert_cmpint (ea.values[i], ==, eb.values[i]);
  for (guint i = SP_WORKLOG_FIRST_NOTE; i < SP_WORKLOG_N_FIELDS; i++)
    g_assert_cmpstr (sp_worklog_entry_get_note (&ea, i), ==, sp_worklog_entry_get_note (&eb, i));
}

static void
round_trip (Fixture                 *f,
            SpWorklogCsvExportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) fresh = NULL;
  g_autoptr(SpWorklogImportPreview) preview = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  Fixture other = { 0 };
  guint n_rows = 0;

  fill (f);
  csv = export (f->store, 0, 0, flags, &n_rows);
  g_assert_cmpuint (n_rows, ==, 3);
  if (flags & SP_WORKLOG_CSV_EXPORT_BOM)
    g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf"));
  else
    g_assert_false (g_str_has_prefix (csv, "\xef\xbb\xbf"));
  if (flags & SP_WORKLOG_CSV_EXPORT_CHINESE_HEADERS)
    g_assert_nonnull (strstr (csv, "日期,销售代表,区域,准客户开发,"));
  else
    g_assert_nonnull (strstr (csv, "Date,Rep,Region,Prospects,"));
  /* Neutralised formula cell. */
  g_assert_nonnull (strstr (csv, "\"'=SUM(A1), \"\"quoted\"\"\nline 2\""));
  g_assert_nonnull (strstr (csv, ",12345.56,"));

  file = write_bytes (f, "export.csv", csv, -1);
  fresh = open_store (f->dir, "fresh.db");
  add_team (fresh, &other);
  g_assert_true (sp_worklog_csv_import_commit (fresh, file, NULL, NULL, NULL, NULL, &preview,
                                               &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows_read, ==, 3);
  g_assert_cmpuint (preview->rows_accepted, ==, 3);
  g_assert_cmpuint (preview->rows_rejected, ==, 0);
  g_assert_null (preview->backup_path);
  /* One undo step (checked below: one undo removes every entry). */
  g_assert_cmpstr (sp_store_get_undo_label (fresh), ==, "Edit work log");

  assert_same_entry (f->store, fresh, f->zhang, 2);
  assert_same_entry (f->store, fresh, f->li_west, 2);
  assert_same_entry (f->store, fresh, f->li_east, 3);
  again = export (fresh, 0, 0, flags, NULL);
  g_assert_cmpstr (again, ==, csv);

  g_assert_true (sp_store_undo (fresh, &error));
  g_assert_no_error (error);
  g_clear_pointer (&again, g_free);
  again = export (fresh, 0, 0, flags, &n_rows);
  g_assert_cmpuint (n_rows, ==, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  round_trip (f, SP_WORKLOG_CSV_EXPORT_DEFAULT);
}

static void
test_round_trip_bom_chinese (Fixture       *f,
                             gconstpointer  data)
{
  round_trip (f, SP_WORKLOG_CSV_EXPORT_BOM | SP_WORKLOG_CSV_EXPORT_CHINESE_HEADERS);
}

static void
test_export_filters (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *by_rep = NULL;
  g_autofree char *by_region = NULL;
  guint n_rows = 0;

  fill (f);
  by_rep = export (f->store, f->li_east, 0, SP_WORKLOG_CSV_EXPORT_DEFAULT, &n_rows);
  g_assert_cmpuint (n_rows, ==, 1);
  g_assert_nonnull (strstr (by_rep, "2026-03-03,Li Si,East,"));
  by_region = export (f->store, 0, f->west, 0, &n_rows);
  g_assert_cmpuint (n_rows, ==, 1);
  g_assert_nonnull (strstr (by_region, "2026-03-02,Li Si,West,3,0,0,"));
}

static void
assert_rejected (SpWorklogImportPreview *preview,
                 guint                   index,
                 guint                   line,
                 const char             *message)
{
  SpHistoryRejectedRow *row;

  g_assert_cmpuint (index, <, preview->rejected->len);
  row = g_ptr_array_index (preview->rejected, index);
  g_assert_cmpuint (row->line, ==, line);
  g_assert_cmpstr (row->message, ==, message);
}

static void
test_chinese_headers (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(SpWorklogEntry) entry = { 0 };
  gboolean exists;
  GDate d;

  /* Alternative headers, another column order, a region to tell the two Li Si apart. */
  file = write_bytes (f, "zh.csv",
                      "业务员,区域,日期,邀约,产品说明,异议处理,订单数,业绩,新客户,问题,回款\r\n"
                      "Li Si,West,2026年3月4日,5,4,3,2,\"1,200.50\",1,价格太高,300\r\n"
                      "Zhang San,,2026/3/4,,,,,,,,\r\n", -1);
  g_assert_true (sp_worklog_csv_import_commit (f->store, file, NULL, NULL, NULL, NULL, NULL,
                                               &error));
  g_assert_no_error (error);

  day (&d, 4);
  g_assert_true (sp_worklog_get (f->store, f->li_west, &d, &entry, &exists, &error));
  g_assert_no_error (error);
  g_assert_true (exists);
  g_assert_cmpint (entry.values[SP_WORKLOG_FIELD_PROSPECTS], ==, 0);
  g_assert_cmpint (entry.values[SP_WORKLOG_FIELD_APPOINTMENTS], ==, 5);
  g_assert_cmpint (entry.values[SP_WORKLOG_FIELD_PRESENTATIONS], ==, 4);
  g_assert_cmpint (entry.values[SP_WORKLOG_FIELD_OBJECTIONS], ==, 3);
  g_assert_cmpint (entry.values[SP_WORKLOG_FIELD_ORDERS], ==, 2);
  g_assert_cmpint (entry.values[SP_WORKLOG_FIELD_REVENUE], ==, 120050);
  g_assert_cmpint (entry.values[SP_WORKLOG_FIELD_NEW_CUSTOMERS], ==, 1);
  g_assert_cmpint (entry.values[SP_WORKLOG_FIELD_COLLECTED], ==, 30000);
  g_assert_cmpstr (sp_worklog_entry_get_note (&entry, SP_WORKLOG_FIELD_PROBLEMS), ==,
                   "价格太高");
  sp_worklog_entry_clear (&entry);
  g_assert_true (sp_worklog_get (f->store, f->li_east, &d, &entry, &exists, &error));
  g_assert_false (exists);
  sp_worklog_entry_clear (&entry);
  g_assert_true (sp_worklog_get (f->store, f->zhang, &d, &entry, &exists, &error));
  g_assert_true (exists);
}

static void
test_gb18030 (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SpWorklogImportPreview) preview = NULL;
  g_auto(SpWorklogEntry) entry = { 0 };
  g_autofree char *bytes = NULL;
  gsize len = 0;
  gboolean exists;
  GDate d;

  bytes = g_convert ("日期,姓名,准客户开发,促成,今日总结,明日计划\r\n"
                     "2026-03-05,Wang Wu,7,1,拜访华东客户,整理报价\r\n",
                     -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  file = write_bytes (f, "gb.csv", bytes, (gssize) len);
  preview = sp_worklog_csv_import_preview (f->store, file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->encoding, ==, SP_CSV_ENCODING_GB18030);
  g_assert_cmpuint (preview->rows_accepted, ==, 1);

  g_assert_true (sp_worklog_csv_import_commit (f->store, file, NULL, NULL, NULL, NULL, NULL,
                                               &error));
  g_assert_no_error (error);
  day (&d, 5);
  g_assert_true (sp_worklog_get (f->store, f->wang, &d, &entry, &exists, &error));
  g_assert_no_error (error);
  g_assert_true (exists);
  g_assert_cmpint (entry.values[SP_WORKLOG_FIELD_PROSPECTS], ==, 7);
  g_assert_cmpint (entry.values[SP_WORKLOG_FIELD_CLOSES], ==, 1);
  g_assert_cmpstr (sp_worklog_entry_get_note (&entry, SP_WORKLOG_FIELD_SUMMARY), ==,
                   "拜访华东客户");
  g_assert_cmpstr (sp_worklog_entry_get_note (&entry, SP_WORKLOG_FIELD_TOMORROW_PLAN), ==,
                   "整理报价");
}

static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SpWorklogImportPreview) preview = NULL;
  g_autoptr(SpWorklogImportPreview) refused = NULL;
  g_autoptr(SpWorklogImportPreview) done = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpHistoryImportOptions options = { 0 };
  guint n_rows = 0;

  file = write_bytes (f, "bad.csv",
                      "Date,Rep,Region,Prospects,Orders\n"
                      "2026-03-02,Zhang San,,1,1\n"
                      "2026-03-02,Wang Wu,,-1,0\n"
                      "2026-03-02,Li Si,East,1.5,0\n"
                      "2026-03-02,Zhao Liu,,1,0\n"
                      "2026-03-02,Zhang San,,2,0\n"
                      "2026-02-30,Wang Wu,,1,0\n"
                      "2026-03-03,Li Si,,1,0\n"
                      "2026-03-03,Li Si,North,1,0\n", -1);
  before = hash (f->store);

  preview = sp_worklog_csv_import_preview (f->store, file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows_read, ==, 8);
  g_assert_cmpuint (preview->rows_accepted, ==, 1);
  g_assert_cmpuint (preview->rows_rejected, ==, 7);
  assert_rejected (preview, 0, 3, "Line 3: Prospecting: “-1” is negative; enter zero or more");
  assert_rejected (preview, 1, 4, "Line 4: Prospecting: “1.5” is not a whole number");
  assert_rejected (preview, 2, 5, "Line 5: there is no rep “Zhao Liu”");
  assert_rejected (preview, 3, 6,
                   "Line 6: “Zhang San” already has an entry for 2026-03-02 on line 2");
  assert_rejected (preview, 4, 7, "Line 7: “2026-02-30” is not a day on the calendar");
  assert_rejected (preview, 5, 8, "Line 8: several reps are named “Li Si”; add a region column");
  assert_rejected (preview, 6, 9, "Line 9: there is no rep “Li Si” in region “North”");
  after = hash (f->store);
  g_assert_cmpstr (after, ==, before);

  g_assert_false (sp_worklog_csv_import_commit (f->store, file, NULL, NULL, NULL, NULL,
                                                &refused, &error));
  g_assert_error (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS);
  g_assert_cmpstr (error->message, ==, "7 rows cannot be imported; nothing was imported");
  g_clear_error (&error);
  g_assert_nonnull (refused);
  g_assert_cmpuint (refused->rejected->len, ==, 7);
  g_clear_pointer (&after, g_free);
  after = hash (f->store);
  g_assert_cmpstr (after, ==, before);

  options.allow_rejected = TRUE;
  g_assert_true (sp_worklog_csv_import_commit (f->store, file, &options, NULL, NULL, NULL,
                                               &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done->rows_accepted, ==, 1);
  g_free (export (f->store, 0, 0, SP_WORKLOG_CSV_EXPORT_DEFAULT, &n_rows));
  g_assert_cmpuint (n_rows, ==, 1);
}

static void
test_missing_columns_and_empty (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) missing = write_bytes (f, "missing.csv", "Date,Prospects\n2026-03-02,1\n", -1);
  g_autoptr(GFile) empty = write_bytes (f, "empty.csv", "", 0);
  g_autoptr(SpWorklogImportPreview) preview = NULL;
  const char * const map[] = { "rep=Who", NULL };
  g_autoptr(GFile) mapped = write_bytes (f, "mapped.csv", "Date,Who\n2026-03-02,Wang Wu\n", -1);
  SpHistoryImportOptions options = { 0 };

  preview = sp_worklog_csv_import_preview (f->store, missing, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_MISSING_COLUMNS);
  g_assert_null (preview);
  g_clear_error (&error);
  preview = sp_worklog_csv_import_preview (f->store, empty, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  options.overrides = map;
  g_assert_true (sp_worklog_csv_import_commit (f->store, mapped, &options, NULL, NULL, NULL,
                                               &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows_accepted, ==, 1);
}

/* Over the undo limit: a backup first (the entries are still one undo step); a refused
 * import leaves no backup behind. */
static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) good = write_bytes (f, "good.csv", "Date,Rep\n2026-03-02,Wang Wu\n", -1);
  g_autoptr(GFile) bad = write_bytes (f, "bad.csv", "Date,Rep\n2026-03-02,Nobody\n", -1);
  g_autoptr(SpWorklogImportPreview) refused = NULL;
  g_autoptr(SpWorklogImportPreview) done = NULL;
  g_autofree char *backup_dir = sp_store_backup_dir (sp_store_get_path (f->store));
  SpHistoryImportOptions options = { 0 };

  options.undo_max_bytes = 1;
  g_assert_false (sp_worklog_csv_import_commit (f->store, bad, &options, NULL, NULL, NULL,
                                                &refused, &error));
  g_assert_error (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS);
  g_assert_null (refused->backup_path);
  g_assert_cmpuint (sp_test_count_entries (backup_dir), ==, 0);
  g_clear_error (&error);

  g_assert_true (sp_worklog_csv_import_commit (f->store, good, &options, NULL, NULL, NULL,
                                               &done, &error));
  g_assert_no_error (error);
  g_assert_nonnull (done->backup_path);
  g_assert_true (g_file_test (done->backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (sp_store_get_undo_label (f->store), ==, "Edit work log");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/unit/worklog-csv/round-trip", test_round_trip);
  ADD ("/unit/worklog-csv/round-trip-bom-chinese", test_round_trip_bom_chinese);
  ADD ("/unit/worklog-csv/export-filters", test_export_filters);
  ADD ("/unit/worklog-csv/chinese-headers", test_chinese_headers);
  ADD ("/unit/worklog-csv/gb18030", test_gb18030);
  ADD ("/unit/worklog-csv/bad-rows", test_bad_rows);
  ADD ("/unit/worklog-csv/missing-columns-and-empty", test_missing_columns_and_empty);
  ADD ("/unit/worklog-csv/large", test_large);
#undef ADD

  return g_test_run ();
}
