/* test-opportunity-csv.c — the opportunity CSV import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "sp-opportunity-csv.h"
#include "sp-opportunity.h"
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
  gint64 region;

  f->dir = sp_test_make_dir ();
  path = g_build_filename (f->dir, "workspace.db", NULL);
  f->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  region = sp_region_add (f->store, "East", &error);
  g_assert_no_error (error);
  sp_rep_add (f->store, "Li Lei", region, &error);
  g_assert_no_error (error);
  sp_rep_add (f->store, "韩梅梅", region, &error);
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
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static char *
export (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  sp_opportunity_export (f->store, out, 0, 0, 0, SP_CSV_WRITE_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
}

static char *
hash (SpStore *store)
{
  g_autoptr(GError) error = NULL;
  char *h = sp_store_content_hash (store, &error);

  g_assert_no_error (error);
  return h;
}

static const char round_trip_csv[] =
  "title,customer,customer class,intent grade,rep,amount,created,expected close,stage,closed,"
  "invoiced,collected,entered Lead,entered Qualified,entered Proposal,entered Negotiation,"
  "entered Won,entered Lost\r\n"
  "ERP rollout,Acme,strategic,A,Li Lei,120000.00,2026-01-05,2026-03-31,Won,2026-03-02,"
  "120000.00,60000.00,2026-01-05,2026-01-20,2026-02-01,,2026-03-02,\r\n"
  "\"Pumps, phase 2\",Beta Co,industry,,韩梅梅,5000.50,2026-02-01,,Proposal,,0.00,0.00,"
  "2026-02-01,,2026-02-10,,,\r\n"
  "Lost deal,,,,Li Lei,10.00,2026-02-03,,Lost,2026-02-04,0.00,0.00,2026-02-03,,,,,2026-02-04\r\n";

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "in.csv", round_trip_csv, -1);
  g_autoptr(SpOpportunityPreview) preview = NULL;
  g_autoptr(SpOpportunityPreview) done = NULL;
  g_autofree char *before = hash (f->store);
  g_autofree char *after = NULL;
  g_autofree char *csv = NULL;

  preview = sp_opportunity_import_preview (f->store, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows_accepted, ==, 3);
  g_assert_cmpuint (preview->rows_rejected, ==, 0);
  g_assert_cmpint (preview->total_amount, ==, 12000000 + 500050 + 1000);
  g_assert_cmpuint (preview->new_customers->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (preview->new_customers, 0), ==, "Acme");
  g_assert_cmpstr (g_ptr_array_index (preview->new_customers, 1), ==, "Beta Co");
  after = hash (f->store);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (sp_opportunity_import_commit (f->store, file, NULL, NULL, &done, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (done->rows_accepted, ==, 3);
  g_assert_cmpstr (sp_store_get_undo_label (f->store), ==, "Import opportunities");
  csv = export (f);
  g_assert_cmpstr (csv, ==, round_trip_csv);

  /* One undo step takes everything back. */
  sp_store_undo (f->store, &error);
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = hash (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_rejected (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "bad.csv",
    "title,rep,amount,created,stage,closed,invoiced,collected,entered Qualified\n"
    "Good,Li Lei,100,2026-01-05,Lead,,,,\n"
    "No rep,Nobody,100,2026-01-05,Lead,,,,\n"
    "No stage,Li Lei,100,2026-01-05,Closing,,,,\n"
    "Won open,Li Lei,100,2026-01-05,Won,,,,\n"
    "Order,Li Lei,100,2026-01-05,Qualified,,,,2026-01-01\n"
    "Collected,Li Lei,100,2026-01-05,Lead,,10,20,\n"
    "Late close,Li Lei,100,2026-01-05,Won,2026-01-06,,,2026-01-09\n", -1);
  g_autoptr(SpOpportunityPreview) out = NULL;
  g_autofree char *before = hash (f->store);
  g_autofree char *after = NULL;
  static const char * const expected[] = {
    "Line 3: Unknown rep “Nobody”",
    "Line 4: Unknown stage “Closing”",
    "Line 5: A won or lost opportunity needs a closed date",
    "Line 6: The dates are out of order (created ≤ stage dates ≤ closed)",
    "Line 7: The amount collected exceeds the amount invoiced",
    "Line 8: The dates are out of order (created ≤ stage dates ≤ closed)",
  };

  g_assert_false (sp_opportunity_import_commit (f->store, file, NULL, NULL, &out, &error));
  g_assert_error (error, SP_OPPORTUNITY_IMPORT_ERROR, SP_OPPORTUNITY_IMPORT_ERROR_REJECTED_ROWS);
  g_assert_nonnull (out);
  g_assert_cmpuint (out->rows_read, ==, 7);
  g_assert_cmpuint (out->rows_accepted, ==, 1);
  g_assert_cmpuint (out->rows_rejected, ==, 6);
  g_assert_cmpuint (out->rejected->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      SpHistoryRejectedRow *row = g_ptr_array_index (out->rejected, i);

      g_assert_cmpuint (row->line, ==, i + 3);
      g_assert_cmpstr (row->message, ==, expected[i]);
    }
  after = hash (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (sp_store_can_undo (f->store) && g_strcmp0 (sp_store_get_undo_label (f->store),
                                                              "Import opportunities") == 0);
}

/* A rep's name follows sp_rep_find_by_name(): the rep still on the team over a former one of
 * the same name (not the older id), and two on the team is a rejected row, not a guess. */
static void
test_rep_names (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "reps.csv",
    "title,rep,amount,created,stage\n"
    "Current,Zhao Liu,100,2026-01-05,Lead\n"
    "Which,Wang Wu,100,2026-01-05,Lead\n", -1);
  g_autoptr(SpOpportunityPreview) out = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = sp_store_get_db (f->store);
  gint64 west = sp_region_add (f->store, "West", &error);
  gint64 south = sp_region_add (f->store, "South", &error);
  gint64 former = sp_rep_add (f->store, "Zhao Liu", south, &error);
  gint64 current = sp_rep_add (f->store, "Zhao Liu", west, &error);
  SpHistoryRejectedRow *row;

  sp_rep_add (f->store, "Wang Wu", south, &error);
  sp_rep_add (f->store, "Wang Wu", west, &error);
  g_assert_no_error (error);
  g_assert_cmpint (former, <, current);
  stmt = sp_sql_prepare (db, "UPDATE rep SET left_on = '2025-12-31' WHERE id = ?", &error);
  sqlite3_bind_int64 (stmt, 1, former);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_assert_false (sp_opportunity_import_commit (f->store, file, NULL, NULL, &out, &error));
  g_assert_error (error, SP_OPPORTUNITY_IMPORT_ERROR, SP_OPPORTUNITY_IMPORT_ERROR_REJECTED_ROWS);
  g_assert_cmpuint (out->rows_accepted, ==, 1);
  g_assert_cmpuint (out->rejected->len, ==, 1);
  row = g_ptr_array_index (out->rejected, 0);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->message, ==, "Line 3: There are several reps named “Wang Wu”");
  g_clear_error (&error);
  g_clear_pointer (&out, sp_opportunity_preview_free);

  /* The accepted row alone: it goes to the rep on the team. */
  g_clear_object (&file);
  file = write_file (f, "current.csv", "title,rep,amount,created,stage\n"
                                       "Current,Zhao Liu,100,2026-01-05,Lead\n", -1);
  g_assert_true (sp_opportunity_import_commit (f->store, file, NULL, NULL, &out, &error));
  g_assert_no_error (error);
  stmt = sp_sql_prepare (db, "SELECT rep_id FROM opportunity WHERE title = 'Current'", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, current);
}

static void
test_chinese_gb18030 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char utf8[] =
    "商机名称,客户,客户分类,意向等级,销售代表,金额,创建日期,预计成交日期,阶段,关单日期,"
    "开票金额,回款金额,进入线索日期,进入谈判日期\n"
    "华东项目,东方公司,战略客户,B,韩梅梅,\"1,000\",2026年1月5日,2026/3/1,谈判,,,,2026-01-05,2026-01-15\n"
    "小单,,零散客户,,韩梅梅,50,2026-01-06,,赢单,2026-01-07,50,50,,\n";
  gsize len = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(SpOpportunityPreview) done = NULL;
  g_autoptr(SpOpportunity) o = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  file = write_file (f, "zh.csv", gb, (gssize) len);
  g_assert_true (sp_opportunity_import_commit (f->store, file, NULL, NULL, &done, &error));
  g_assert_no_error (error);
  g_assert_cmpint (done->encoding, ==, SP_CSV_ENCODING_GB18030);
  g_assert_cmpuint (done->rows_accepted, ==, 2);
  g_assert_cmpuint (done->new_customers->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (done->new_customers, 0), ==, "东方公司");

  o = sp_opportunity_get (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (o->title, ==, "华东项目");
  g_assert_cmpstr (o->customer, ==, "东方公司");
  g_assert_cmpstr (o->stage, ==, "Negotiation");
  g_assert_cmpint (o->amount, ==, 100000);
  g_assert_cmpstr (o->created_on, ==, "2026-01-05");
  g_assert_cmpstr (o->expected_close, ==, "2026-03-01");

  stmt = sp_sql_prepare (sp_store_get_db (f->store),
                         "SELECT class || intent_grade FROM customer WHERE name = '东方公司'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "strategicB");
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* No history columns for the second: Lead on created, Won on closed. */
  stmt = sp_sql_prepare (sp_store_get_db (f->store),
                         "SELECT group_concat(s.name || ' ' || h.entered_on, ', ')"
                         "  FROM opportunity_stage_history h JOIN pipeline_stage s"
                         "    ON s.id = h.stage_id WHERE h.opportunity_id = 2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                   "Lead 2026-01-06, Won 2026-01-07");
}

/* The shared driver's commit: over the undo limit, a backup and no undo; a refused or
 * cancelled commit leaves neither changes nor a backup behind. */
static void
test_large_and_cancel (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (f, "in.csv", round_trip_csv, -1);
  g_autoptr(GFile) bad = write_file (f, "bad.csv", "title,rep,amount,created,stage\n"
                                     "x,Nobody,1,2026-01-05,Lead\n", -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SpOpportunityPreview) done = NULL;
  g_autoptr(SpOpportunityPreview) refused = NULL;
  g_autofree char *backup_dir = sp_store_backup_dir (sp_store_get_path (f->store));
  g_autofree char *before = hash (f->store);
  g_autofree char *after = NULL;
  SpOpportunityImportOptions options = { 0 };

  options.undo_max_bytes = 1;
  g_cancellable_cancel (cancellable);
  g_assert_false (sp_opportunity_import_commit (f->store, file, &options, cancellable, NULL,
                                                &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (sp_opportunity_import_commit (f->store, bad, &options, NULL, &refused,
                                                &error));
  g_assert_error (error, SP_OPPORTUNITY_IMPORT_ERROR, SP_OPPORTUNITY_IMPORT_ERROR_REJECTED_ROWS);
  g_clear_error (&error);
  g_assert_null (refused->backup_path);
  g_assert_cmpuint (sp_test_count_entries (backup_dir), ==, 0);
  after = hash (f->store);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (sp_opportunity_import_commit (f->store, file, &options, NULL, &done, &error));
  g_assert_no_error (error);
  g_assert_nonnull (done->backup_path);
  g_assert_true (g_file_test (done->backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (sp_store_can_undo (f->store));
  g_assert_cmpuint (done->rows_accepted, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/opportunity-csv/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/opportunity-csv/rejected", Fixture, NULL, fixture_set_up, test_rejected,
              fixture_tear_down);
  g_test_add ("/opportunity-csv/rep-names", Fixture, NULL, fixture_set_up, test_rep_names,
              fixture_tear_down);
  g_test_add ("/opportunity-csv/chinese-gb18030", Fixture, NULL, fixture_set_up,
              test_chinese_gb18030, fixture_tear_down);
  g_test_add ("/opportunity-csv/large-and-cancel", Fixture, NULL, fixture_set_up,
              test_large_and_cancel, fixture_tear_down);
  return g_test_run ();
}
