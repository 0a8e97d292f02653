/* test-history-import.c — the history-orders CSV import: preview, commit, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sp-history-import.h"
#include "sp-region.h"
#include "sp-rep.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

typedef struct
{
  char    *dir;
  SpStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = sp_test_make_dir ();
  path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = sp_store_open (path, &error);
  g_assert_no_error (error);
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
write_csv (Fixture    *f,
           const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (sp_store_get_db (f->store), sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (sp_store_get_db (f->store), sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static char *
hash (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *h = sp_store_content_hash (f->store, &error);

  g_assert_no_error (error);
  return h;
}

static void
assert_names (GPtrArray          *names,
              const char * const *expected)
{
  g_assert_cmpuint (names->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, expected[i]);
}

static void
test_bom (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv",
                                                 "history-utf8-bom.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SpHistoryPreview) preview = NULL;
  g_autoptr(SpHistoryPreview) done = NULL;
  g_autofree char *before = hash (f);
  g_autofree char *after = NULL;

  preview = sp_history_import_preview (f->store, file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows_rejected, ==, 0);
  g_assert_cmpuint (preview->rows_read, ==, preview->rows_accepted);
  g_assert_cmpuint (preview->rows_read, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (preview->new_regions, 0), ==, "East");
  g_assert_cmpstr (g_ptr_array_index (preview->new_reps, 0), ==, "Zhang San (East)");
  after = hash (f);
  g_assert_cmpstr (before, ==, after);  /* a preview writes nothing */

  g_assert_true (sp_history_import_commit (f->store, file, NULL, NULL, NULL, NULL, &done,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (done->total_amount, ==, preview->total_amount);
  g_assert_cmpint (query_int (f, "SELECT sum (amount) FROM history_order"), ==,
                   preview->total_amount);
  g_assert_cmpint (query_int (f, "SELECT amount FROM history_order WHERE order_ref = 'SO-0001'"),
                   ==, 123450);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM history_order h JOIN rep r"
                                 " ON r.id = h.rep_id JOIN region g ON g.id = r.region_id"
                                 " WHERE r.name = 'Zhang San' AND g.name = 'East'"), ==, 1);
}

static void
test_gb18030 (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv",
                                                 "history-gb18030.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SpHistoryPreview) preview = NULL;
  g_autofree char *type = NULL;

  preview = sp_history_import_preview (f->store, file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->encoding, ==, SP_CSV_ENCODING_GB18030);
  g_assert_cmpuint (preview->rows_rejected, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (preview->new_regions, 0), ==, "华东");
  g_assert_cmpstr (g_ptr_array_index (preview->new_products, 2), ==, "服务,咨询");

  g_assert_true (sp_history_import_commit (f->store, file, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT amount FROM history_order WHERE order_ref = 'SO-0001'"),
                   ==, 123450);
  g_assert_cmpint (query_int (f, "SELECT amount FROM history_order WHERE order_ref = 'SO-0002'"),
                   ==, 98000);
  g_assert_cmpint (query_int (f, "SELECT amount FROM history_order WHERE order_ref = 'SO-0003'"),
                   ==, -1250);
  type = query_text (f, "SELECT t.name FROM history_order h JOIN customer_type t"
                        " ON t.id = h.customer_type_id WHERE order_ref = 'SO-0003'");
  g_assert_cmpstr (type, ==, "政府\n事业单位");
}

static void
test_amounts (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_csv (f, "amounts.csv",
    "日期,金额,区域,销售员,产品,客户类型,客户,订单号\n"
    "2025-01-02,957.5775,East,Ann,Widgets,SMB,C1,O1\n"
    "2025-01-03,\"1,000,000.004\",East,Ann,Widgets,SMB,C1,O2\n"
    "2025-01-04,¥12.345,\"West, Coast\",Bob,\"Multi\nLine\",,C2,O3\n"
    "2025-01-05,0.005,,,,,,O4\n");
  g_autoptr(SpHistoryPreview) preview = NULL;
  g_autoptr(SpHistoryPreview) done = NULL;

  preview = sp_history_import_preview (f->store, file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows_read, ==, 4);
  g_assert_cmpuint (preview->rows_accepted, ==, 4);
  /* 95758 + 100000000 + 1235 + 1, each row rounded before the sum */
  g_assert_cmpint (preview->total_amount, ==, 95758 + 100000000 + 1235 + 1);
  assert_names (preview->new_regions, (const char * const[]) { "East", "West, Coast", NULL });
  assert_names (preview->new_reps,
                (const char * const[]) { "Ann (East)", "Bob (West, Coast)", NULL });
  assert_names (preview->new_products, (const char * const[]) { "Widgets", "Multi\nLine", NULL });
  assert_names (preview->new_customer_types, (const char * const[]) { "SMB", NULL });

  g_assert_true (sp_history_import_commit (f->store, file, NULL, NULL, NULL, NULL, &done,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT sum (amount) FROM history_order"), ==,
                   100096994);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM history_order WHERE region_id IS NULL"
                                 " AND rep_id IS NULL AND product_id IS NULL"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM rep"), ==, 2);

  /* A second import of new rows reuses the members. */
  {
    g_autoptr(GFile) again = write_csv (f, "again.csv",
                                        "date,amount,region,rep\n2025-02-01,1,East,Ann\n");
    g_autoptr(SpHistoryPreview) p2 = sp_history_import_preview (f->store, again, NULL, NULL,
                                                                NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (p2->new_regions->len + p2->new_reps->len, ==, 0);
  }
}

static void
test_dates_and_overrides (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_csv (f, "dates.csv",
                                     "Booked,Value,Booked on\n"
                                     "x,10,03/05/2026\n"
                                     "x,20,25/03/2026\n");
  SpHistoryImportOptions options = { 0 };
  const char *overrides[] = { "date=Booked on", "amount=2", NULL };
  g_autoptr(SpHistoryPreview) p1 = NULL;
  g_autoptr(SpHistoryPreview) p2 = NULL;
  g_autoptr(SpHistoryPreview) p3 = NULL;
  SpHistoryRejectedRow *row;

  /* Without overrides the file has no date or amount column. */
  p1 = sp_history_import_preview (f->store, file, &options, NULL, NULL, NULL, &error);
  g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_MISSING_COLUMNS);
  g_assert_null (p1);
  g_clear_error (&error);

  options.overrides = overrides;
  p2 = sp_history_import_preview (f->store, file, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p2->rows_accepted, ==, 1);
  g_assert_cmpuint (p2->rows_rejected, ==, 1);
  row = g_ptr_array_index (p2->rejected, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_true (g_str_has_prefix (row->message, "Line 2: "));

  options.date_order = SP_CSV_DATE_ORDER_DMY;
  p3 = sp_history_import_preview (f->store, file, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p3->rows_rejected, ==, 0);
  g_assert_true (sp_history_import_commit (f->store, file, &options, NULL, NULL, NULL, NULL,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM history_order"
                                 " WHERE order_day = '2026-05-03' AND amount = 1000"), ==, 1);
}

static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_csv (f, "bad.csv",
                                     "date,amount,region\n"
                                     "2025-01-01,10,East\n"
                                     "2025-02-30,10,East\n"
                                     "2025-01-02,abc,East\n"
                                     "2025-01-03,5,East,extra\n"
                                     "\"quoted\"x,1,East\n"
                                     ",7,East\n"
                                     "2025-01-04,1,\"Multi\nline\"\n"
                                     "2025-01-05,,West\n");
  g_autoptr(SpHistoryPreview) preview = NULL;
  g_autoptr(SpHistoryPreview) done = NULL;
  g_autofree char *before = hash (f);
  g_autofree char *after = NULL;
  SpHistoryImportOptions options = { 0 };
  const guint lines[] = { 3, 4, 5, 6, 7, 10 };

  preview = sp_history_import_preview (f->store, file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows_read, ==, 8);
  g_assert_cmpuint (preview->rows_accepted, ==, 2);
  g_assert_cmpuint (preview->rows_rejected, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      SpHistoryRejectedRow *row = g_ptr_array_index (preview->rejected, i);
      g_autofree char *prefix = g_strdup_printf ("Line %u", lines[i]);

      g_assert_cmpuint (row->line, ==, lines[i]);
      g_assert_true (g_str_has_prefix (row->message, prefix));
    }
  g_assert_cmpint (preview->total_amount, ==, 1100);
  /* West is only on a rejected row. */
  assert_names (preview->new_regions, (const char * const[]) { "East", "Multi\nline", NULL });

  g_assert_false (sp_history_import_commit (f->store, file, NULL, NULL, NULL, NULL, &done,
                                            &error));
  g_assert_error (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS);
  g_assert_nonnull (done);
  g_assert_cmpuint (done->rows_rejected, ==, G_N_ELEMENTS (lines));
  g_clear_pointer (&done, sp_history_preview_free);
  g_clear_error (&error);
  after = hash (f);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (sp_store_can_undo (f->store));

  options.allow_rejected = TRUE;
  g_assert_true (sp_history_import_commit (f->store, file, &options, NULL, NULL, NULL, &done,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done->rows_rejected, ==, G_N_ELEMENTS (lines));
  g_assert_cmpint (query_int (f, "SELECT sum (amount) FROM history_order"), ==, 1100);
}

/* A rep named without a region follows sp_rep_find_by_name(): the rep on the team over a
 * former one of the same name; two on the team reject the row rather than guess. */
static void
test_rep_names (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_csv (f, "reps.csv",
                                     "date,amount,rep\n"
                                     "2025-01-01,10,Zhao Liu\n"
                                     "2025-01-02,20,Wang Wu\n"
                                     "2025-01-03,40,Wang Wu\n");
  g_autoptr(SpHistoryPreview) done = NULL;
  SpHistoryImportOptions options = { 0 };
  gint64 east = sp_region_add (f->store, "East", &error);
  gint64 west = sp_region_add (f->store, "West", &error);
  gint64 former = sp_rep_add (f->store, "Zhao Liu", east, &error);
  gint64 current = sp_rep_add (f->store, "Zhao Liu", west, &error);
  g_autofree char *leave = g_strdup_printf ("UPDATE rep SET left_on = '2024-12-31' WHERE id = %"
                                            G_GINT64_FORMAT, former);
  SpHistoryRejectedRow *row;

  sp_rep_add (f->store, "Wang Wu", east, &error);
  sp_rep_add (f->store, "Wang Wu", west, &error);
  g_assert_no_error (error);
  g_assert_true (sp_sql_exec (sp_store_get_db (f->store), leave, &error));

  options.allow_rejected = TRUE;
  g_assert_true (sp_history_import_commit (f->store, file, &options, NULL, NULL, NULL, &done,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done->rows_accepted, ==, 1);
  g_assert_cmpuint (done->rows_rejected, ==, 2);
  row = g_ptr_array_index (done->rejected, 0);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->message, ==, "Line 3: several reps are named “Wang Wu”; add a region"
                                     " column");
  g_assert_cmpuint (done->new_reps->len, ==, 0);
  g_assert_cmpint (query_int (f, "SELECT rep_id FROM history_order"), ==, current);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM rep"), ==, 4);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_csv (f, "undo.csv",
                                     "date,amount,region,rep,product\n"
                                     "2025-01-01,10,East,Ann,P\n"
                                     "2025-01-02,20,West,Bob,Q\n");
  g_autofree char *before = hash (f);
  g_autofree char *imported = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (sp_history_import_commit (f->store, file, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  imported = hash (f);
  g_assert_cmpstr (sp_store_get_undo_label (f->store), ==, "Import order history");

  g_assert_true (sp_store_undo (f->store, &error));
  g_assert_no_error (error);
  undone = hash (f);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (sp_store_redo (f->store, &error));
  g_assert_no_error (error);
  redone = hash (f);
  g_assert_cmpstr (redone, ==, imported);
}

/* A file over the undo limit: a backup first, no undo step, the older steps cleared. */
static void
test_large_without_undo (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) small = write_csv (f, "small.csv", "date,amount,region\n2025-01-01,1,East\n");
  g_autoptr(GFile) large = write_csv (f, "large.csv",
                                      "date,amount,region\n2025-01-02,2,West\n2025-01-03,3,\n");
  g_autoptr(GFile) bad = write_csv (f, "bad.csv", "date,amount\n2025-01-02,x\n");
  g_autoptr(SpHistoryPreview) done = NULL;
  g_autoptr(SpHistoryPreview) refused = NULL;
  g_autofree char *backup_dir = sp_store_backup_dir (sp_store_get_path (f->store));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpHistoryImportOptions options = { 0 };
  guint n_backups;

  options.undo_max_bytes = 1;
  g_assert_true (sp_history_import_commit (f->store, small, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_can_undo (f->store));

  g_assert_true (sp_history_import_commit (f->store, large, &options, NULL, NULL, NULL, &done,
                                           &error));
  g_assert_no_error (error);
  g_assert_nonnull (done->backup_path);
  g_assert_true (g_file_test (done->backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (sp_store_can_undo (f->store));
  g_assert_cmpint (query_int (f, "SELECT sum (amount) FROM history_order"), ==, 600);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM region"), ==, 2);

  /* A refused large import leaves neither changes nor a backup behind. */
  n_backups = sp_test_count_entries (backup_dir);
  before = hash (f);
  g_assert_false (sp_history_import_commit (f->store, bad, &options, NULL, NULL, NULL, &refused,
                                            &error));
  g_assert_error (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS);
  g_assert_null (refused->backup_path);
  after = hash (f);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (sp_test_count_entries (backup_dir), ==, n_backups);

  /* Recording is back for the next edit. */
  g_clear_error (&error);
  g_assert_true (sp_history_import_commit (f->store, small, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_can_undo (f->store));
}

#define INDEX_SQL \
  "SELECT group_concat (sql, ';') FROM (SELECT sql FROM sqlite_schema WHERE type = 'index'" \
  " AND tbl_name = 'history_order' ORDER BY name)"

/* A large file into a table small beside it: the indexes are built once at the end, the same
 * as before, and a refused import leaves them as they were. */
static void
test_deferred_indexes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) good = write_csv (f, "good.csv", "date,amount,rep\n2025-01-02,2,Ann\n"
                                     "2025-01-01,3,Bob\n2025-01-03,4,Ann\n");
  g_autoptr(GFile) bad = write_csv (f, "bad.csv", "date,amount,rep\n2025-01-02,2,Ann\n"
                                    "2025-01-01,x,Bob\n2025-01-03,4,Ann\n");
  g_autofree char *indexes = query_text (f, INDEX_SQL);
  g_autofree char *after_refused = NULL;
  g_autofree char *after = NULL;
  g_autofree char *check = NULL;
  SpHistoryImportOptions options = { 0 };

  options.undo_max_bytes = 1;
  g_assert_nonnull (strstr (indexes, "history_order_by_day"));
  g_assert_false (sp_history_import_commit (f->store, bad, &options, NULL, NULL, NULL, NULL,
                                            &error));
  g_assert_error (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS);
  g_clear_error (&error);
  after_refused = query_text (f, INDEX_SQL);
  g_assert_cmpstr (after_refused, ==, indexes);

  g_assert_true (sp_history_import_commit (f->store, good, &options, NULL, NULL, NULL, NULL,
                                           &error));
  g_assert_no_error (error);
  after = query_text (f, INDEX_SQL);
  g_assert_cmpstr (after, ==, indexes);
  g_assert_cmpint (query_int (f, "SELECT group_concat (amount, '') FROM (SELECT amount"
                                 " FROM history_order INDEXED BY history_order_by_day"
                                 " ORDER BY order_day)"), ==, 300200400);
  check = query_text (f, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

static void
test_cancel_and_empty (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_csv (f, "ok.csv", "date,amount\n2025-01-01,1\n");
  g_autoptr(GFile) empty = write_csv (f, "empty.csv", "");
  g_autoptr(GFile) missing = write_csv (f, "unused.csv", "");
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/file.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = hash (f);
  g_autofree char *after = NULL;
  SpHistoryPreview *preview;

  g_cancellable_cancel (cancellable);
  g_assert_false (sp_history_import_commit (f->store, file, NULL, NULL, NULL, cancellable, NULL,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = hash (f);
  g_assert_cmpstr (before, ==, after);

  preview = sp_history_import_preview (f->store, empty, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_EMPTY);
  g_assert_null (preview);
  g_clear_error (&error);

  preview = sp_history_import_preview (f->store, nowhere, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (preview);
  (void) missing;
}

static void
test_year_total (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_csv (f, "years.csv",
                                     "date,amount\n"
                                     "2024-12-31,1.01\n"
                                     "2025-01-01,2.02\n"
                                     "2025-12-31,3.03\n"
                                     "2026-01-01,4.04\n");
  gint64 total = -1;

  g_assert_true (sp_history_get_year_total (f->store, 2025, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 0);
  g_assert_true (sp_history_import_commit (f->store, file, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sp_history_get_year_total (f->store, 2025, &total, &error));
  g_assert_cmpint (total, ==, 505);
  g_assert_true (sp_history_get_year_total (f->store, 2024, &total, &error));
  g_assert_cmpint (total, ==, 101);
}

/* The window's way: the commit on a second connection (a worker's), recorded as one undo
 * step of the first. */

static SpStore *
open_worker (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SpStore *worker = sp_store_open (sp_store_get_path (f->store), &error);

  g_assert_no_error (error);
  return worker;
}

static void
count_changed_cb (SpStore *store,
                  guint   *changed)
{
  (*changed)++;
}

#define FIGURES_SQL \
  "SELECT (SELECT count (*) FROM region) || '/' || (SELECT count (*) FROM rep) || '/'" \
  " || (SELECT count (*) FROM product) || '/' || (SELECT count (*) FROM customer_type)" \
  " || '/' || (SELECT count (*) FROM history_order) || '/'" \
  " || (SELECT coalesce (sum (amount), 0) FROM history_order)"

static void
assert_figures (Fixture    *f,
                const char *expected)
{
  g_autofree char *figures = query_text (f, FIGURES_SQL);

  g_assert_cmpstr (figures, ==, expected);
}

static void
test_detached (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_csv (f, "detached.csv",
                                     "date,amount,region,rep,product,customer type\n"
                                     "2025-01-01,10.50,East,Ann,P,Retail\n"
                                     "2025-01-02,20,West,Bob,Q,\n"
                                     "2025-01-03,30,East,Ann,P,Retail\n"
                                     "2025-01-04,x,East,Ann,P,Retail\n"
                                     "2025-01-05,40,,,,\n");
  g_autoptr(SpStore) worker = open_worker (f);
  g_autoptr(SpHistoryPreview) done = NULL;
  SpHistoryImportOptions options = { 0 };
  g_autofree char *empty = hash (f);
  g_autofree char *before = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *after = NULL;
  guint changed = 0;

  /* A step of the first connection's own before the import, and one after it. */
  g_signal_connect (f->store, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_true (sp_store_begin_edit (f->store, "Add region", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (f->store),
                              "INSERT INTO region (name) VALUES ('East')", &error));
  g_assert_true (sp_store_commit_edit (f->store, &error));
  g_assert_no_error (error);
  before = hash (f);
  assert_figures (f, "1/0/0/0/0/0");
  changed = 0;

  options.allow_rejected = TRUE;
  g_assert_true (sp_history_import_commit_detached (worker, file, &options, NULL, NULL, NULL,
                                                    &done, &error));
  g_assert_no_error (error);
  g_clear_object (&worker);
  g_assert_cmpuint (done->rows_accepted, ==, 4);
  g_assert_cmpint (done->total_amount, ==, 10050);
  g_assert_null (done->backup_path);
  g_assert_nonnull (done->inserts);
  /* West; Ann and Bob; P and Q; Retail; four orders. */
  g_assert_cmpuint (sp_store_inserts_get_n_rows (done->inserts), ==, 10);
  g_assert_cmpuint (changed, ==, 0);

  g_assert_true (sp_history_import_record (f->store, done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (sp_store_get_undo_label (f->store), ==, "Import order history");
  assert_figures (f, "2/2/2/1/4/10050");
  imported = hash (f);

  g_assert_true (sp_store_begin_edit (f->store, "Edit order", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (f->store),
                              "UPDATE history_order SET amount = 1 WHERE amount = 4000", &error));
  g_assert_true (sp_store_commit_edit (f->store, &error));
  after = hash (f);
  assert_figures (f, "2/2/2/1/4/6051");

  /* Undo: the edit, the import, then the region, each in turn; redo back. */
  g_assert_true (sp_store_undo (f->store, &error));
  g_assert_true (sp_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_figures (f, "1/0/0/0/0/0");
  {
    g_autofree char *h = hash (f);
    g_assert_cmpstr (h, ==, before);
  }
  g_assert_true (sp_store_redo (f->store, &error));
  g_assert_no_error (error);
  assert_figures (f, "2/2/2/1/4/10050");
  {
    g_autofree char *h = hash (f);
    g_assert_cmpstr (h, ==, imported);
  }
  g_assert_true (sp_store_undo (f->store, &error));
  g_assert_true (sp_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_figures (f, "0/0/0/0/0/0");
  {
    g_autofree char *h = hash (f);
    g_assert_cmpstr (h, ==, empty);
  }
  g_assert_false (sp_store_can_undo (f->store));
  for (guint i = 0; i < 3; i++)
    g_assert_true (sp_store_redo (f->store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *h = hash (f);
    g_assert_cmpstr (h, ==, after);
  }
}

/* Stopped, or refused for its bad rows: nothing written, nothing to record. */
static void
test_detached_cancelled (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_csv (f, "ok.csv", "date,amount,region\n2025-01-01,1,East\n");
  g_autoptr(GFile) bad = write_csv (f, "bad.csv", "date,amount,region\n2025-01-01,x,East\n"
                                    "2025-01-02,2,West\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SpStore) worker = open_worker (f);
  g_autoptr(SpHistoryPreview) refused = NULL;
  SpHistoryPreview *done = NULL;
  g_autofree char *before = hash (f);
  g_autofree char *after = NULL;
  g_autofree char *after_refused = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (sp_history_import_commit_detached (worker, file, NULL, NULL, NULL, cancellable,
                                                     &done, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_null (done);
  after = hash (f);
  g_assert_cmpstr (after, ==, before);

  g_assert_false (sp_history_import_commit_detached (worker, bad, NULL, NULL, NULL, NULL,
                                                     &refused, &error));
  g_assert_error (error, SP_HISTORY_IMPORT_ERROR, SP_HISTORY_IMPORT_ERROR_REJECTED_ROWS);
  g_assert_null (refused->inserts);
  after_refused = hash (f);
  g_assert_cmpstr (after_refused, ==, before);
  assert_figures (f, "0/0/0/0/0/0");
  g_assert_false (sp_store_can_undo (f->store));
}

/* Over the undo limit: a backup first, and the first connection's history is cleared. */
static void
test_detached_large (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_csv (f, "large.csv", "date,amount,region\n2025-01-02,2,West\n"
                                     "2025-01-03,3,\n");
  g_autoptr(SpStore) worker = open_worker (f);
  g_autoptr(SpHistoryPreview) done = NULL;
  SpHistoryImportOptions options = { 0 };
  guint changed = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_true (sp_store_begin_edit (f->store, "Add region", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (f->store),
                              "INSERT INTO region (name) VALUES ('East')", &error));
  g_assert_true (sp_store_commit_edit (f->store, &error));
  g_assert_true (sp_store_can_undo (f->store));
  changed = 0;

  options.undo_max_bytes = 1;
  g_assert_true (sp_history_import_commit_detached (worker, file, &options, NULL, NULL, NULL,
                                                    &done, &error));
  g_assert_no_error (error);
  g_assert_nonnull (done->backup_path);
  g_assert_true (g_file_test (done->backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (done->inserts);
  g_assert_true (sp_history_import_record (f->store, done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (sp_store_can_undo (f->store));
  assert_figures (f, "2/0/0/0/2/500");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/history-import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("utf8-bom", test_bom);
  ADD ("gb18030", test_gb18030);
  ADD ("amounts", test_amounts);
  ADD ("dates-and-overrides", test_dates_and_overrides);
  ADD ("bad-rows", test_bad_rows);
  ADD ("rep-names", test_rep_names);
  ADD ("undo", test_undo);
  ADD ("cancel-and-empty", test_cancel_and_empty);
  ADD ("year-total", test_year_total);
  ADD ("large-without-undo", test_large_without_undo);
  ADD ("deferred-indexes", test_deferred_indexes);
  ADD ("detached", test_detached);
  ADD ("detached-cancelled", test_detached_cancelled);
  ADD ("detached-large", test_detached_large);
#undef ADD

  return g_test_run ();
}
