/* test-migrations.c — each schema migration, from a fixture file of the previous version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-model.h"
#include "sp-scorecard.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

static gint64
count (SpStore    *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (sp_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Version 0 → 1 → 2 → 3 → 4: an empty file becomes a workspace with every table. */
static void
test_migrations_from_empty (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  const char * const *tables = sp_migrations_user_tables ();

  g_assert_no_error (error);
  g_assert_cmpint (sp_store_get_schema_version (store), ==, SP_STORE_SCHEMA_VERSION);
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema "
                                              "WHERE type = 'table' AND name = '%s'", tables[i]);
      g_assert_cmpint (count (store, sql), ==, 1);
    }
  /* No backup for a brand-new workspace: there was nothing to lose. */
  {
    g_autofree char *backups = sp_store_backup_dir (path);
    g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  }
  sp_test_remove_tree (dir);
}

/* Version 1 → 4: data kept, indexes and the new column added, the old SWOT note kept as the
 * strengths quadrant, a backup of v1 taken first. */
static void
test_migrations_v1_to_v2 (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autofree char *backups = sp_store_backup_dir (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(GListModel) plans = NULL;
  g_autofree char *before_orders = NULL;
  g_autofree char *after_orders = NULL;

  sp_test_load_fixture ("workspace-v1.sql", path);
  /* A version-1 plan with its SWOT notes in the one free-text column. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE plan SET swot_notes = '优势：服务响应快' WHERE id = 1;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  before_orders = sp_test_query_text (path, "SELECT group_concat(order_day || '=' || amount, ';') "
                                            "FROM (SELECT * FROM history_order ORDER BY id)");

  store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_store_get_schema_version (store), ==, SP_STORE_SCHEMA_VERSION);

  after_orders = sp_test_query_text (path, "SELECT group_concat(order_day || '=' || amount, ';') "
                                           "FROM (SELECT * FROM history_order ORDER BY id)");
  g_assert_cmpstr (before_orders, ==, "2024-05-10=12345678;2024-11-02=95758");
  g_assert_cmpstr (after_orders, ==, before_orders);

  regions = sp_region_list (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 2);
  {
    g_autoptr(SpRegion) east = g_list_model_get_item (regions, 0);
    g_assert_cmpstr (sp_region_get_name (east), ==, "华东区");
    g_assert_cmpuint (sp_region_get_rep_count (east), ==, 1);
  }

  /* The fixture's fiscal year starts in April: FY2025's last year is 2024-04..2025-03. */
  plans = sp_plan_list (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  {
    g_autoptr(SpPlan) plan = g_list_model_get_item (plans, 0);
    g_assert_cmpint (sp_plan_get_target (plan), ==, 150000000);
    g_assert_cmpint (sp_plan_get_last_year_actual (plan), ==, 12345678 + 95758);
  }

  g_assert_cmpint (count (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                 "AND name = 'worklog_entry_by_day'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM opportunity WHERE lost_reason = ''"), ==, 1);
  /* Version 3: the old SWOT note survives as the strengths quadrant, the others empty. */
  {
    g_autoptr(SpWorksheet) sheet = sp_worksheet_load (store, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sp_worksheet_get_swot (sheet, SP_WORKSHEET_SWOT_STRENGTHS), ==, "优势：服务响应快");
    g_assert_cmpstr (sp_worksheet_get_swot (sheet, SP_WORKSHEET_SWOT_WEAKNESSES), ==, "");
    g_assert_cmpstr (sp_worksheet_get_swot (sheet, SP_WORKSHEET_SWOT_OPPORTUNITIES), ==, "");
    g_assert_cmpstr (sp_worksheet_get_swot (sheet, SP_WORKSHEET_SWOT_THREATS), ==, "");
  }
  g_assert_cmpint (count (store, "SELECT count(*) FROM plan_swot"), ==, 1);
  /* Version 5: meetings keep their rows and gain a review period, a rep, a case, held. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM meeting_schedule"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pragma_table_info('meeting')"
                                 " WHERE name IN ('review_period', 'rep_id', 'opportunity_id', 'held')"),
                   ==, 4);
  {
    g_autoptr(SpMeeting) old = sp_meeting_get (store, 1, &error);
    GDate day;
    gint64 id;

    g_assert_no_error (error);
    g_assert_cmpstr (sp_meeting_get_title (old), ==, "周例会");
    g_assert_cmpstr (sp_meeting_get_day (old), ==, "2025-06-02");
    g_assert_cmpstr (sp_meeting_get_time (old), ==, "09:00");
    g_assert_cmpuint (sp_meeting_get_review_period (old), ==, SP_MEETING_REVIEW_NONE);

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, 1, 6, 2026);
    id = sp_meeting_add (store, SP_MEETING_REVIEW, SP_MEETING_REVIEW_HALF_YEAR, &day, "14:00",
                         NULL, &error);
    g_assert_no_error (error);
    g_assert_true (sp_meeting_set_note (store, id, "periods", "上半年达成 96%", &error));
    g_assert_cmpint (count (store, "SELECT count(*) FROM meeting WHERE review_period = 'half-year'"),
                     ==, 1);
  }
  /* Version 6: evaluation tables, empty; the default scorecard until one is saved. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM scorecard_indicator"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM target_revision"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM coaching_record"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM coaching_step"), ==, 0);
  {
    SpScorecardConfig config;

    g_assert_true (sp_scorecard_get_config (store, &config, &error));
    g_assert_cmpint (config.weight_bp[SP_INDICATOR_REVENUE], ==, 10000);
    g_assert_cmpint (config.cap_bp, ==, SP_SCORECARD_DEFAULT_CAP_BP);
    config.weight_bp[SP_INDICATOR_REVENUE] = 6000;
    config.weight_bp[SP_INDICATOR_ORDERS] = 4000;
    g_assert_true (sp_scorecard_set_config (store, &config, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (store, "SELECT weight_bp FROM scorecard_indicator"
                                   " WHERE indicator = 'orders'"), ==, 4000);
  }
  g_assert_true (sp_store_check (store, &error));
  g_assert_no_error (error);

  /* The backup is the version-1 file as it was. */
  {
    g_autoptr(GDir) d = g_dir_open (backups, 0, &error);
    const char *name;
    guint n = 0;

    g_assert_no_error (error);
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *backup = g_build_filename (backups, name, NULL);
        g_autofree char *version = sp_test_query_text (backup, "PRAGMA user_version");
        g_autofree char *orders = sp_test_query_text (backup, "SELECT group_concat(order_day || '=' || amount, ';') "
                                                              "FROM (SELECT * FROM history_order ORDER BY id)");

        g_autofree char *suffix = g_strdup_printf ("-before-v%d" SP_STORE_FILE_SUFFIX,
                                                   SP_STORE_SCHEMA_VERSION);

        g_assert_true (g_str_has_suffix (name, suffix));
        g_assert_cmpstr (version, ==, "1");
        g_assert_cmpstr (orders, ==, before_orders);
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }

  sp_test_remove_tree (dir);
}

/* Version 3 → 4: every plan gets an empty ramp-up list, which the model reads as none and
 * can set; the rest of the plan and the data stay as they were; a backup of v3 first. */
static void
test_migrations_v3_to_v4 (void)
{
  static const gint64 ramp[] = { 5000, 7500, 10000 };
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autofree char *backups = sp_store_backup_dir (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GArray) factors = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stored = NULL;

  sp_test_load_fixture ("workspace-v3.sql", path);
  before = sp_test_query_text (path, "SELECT group_concat(id || ':' || fiscal_year || ':' || target"
                                     " || ':' || growth_bp, ';') FROM plan");
  g_assert_cmpstr (before, ==, "1:2025:150000000:1500");

  store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_store_get_schema_version (store), ==, SP_STORE_SCHEMA_VERSION);

  after = sp_test_query_text (path, "SELECT group_concat(id || ':' || fiscal_year || ':' || target"
                                    " || ':' || growth_bp, ';') FROM plan");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (store, "SELECT count(*) FROM plan WHERE ramp_factors = ''"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM plan_swot"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM history_order"), ==, 2);

  factors = sp_plan_get_ramp_factors (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (factors->len, ==, 0);
  g_clear_pointer (&factors, g_array_unref);

  g_assert_true (sp_plan_set_ramp_factors (store, 1, ramp, G_N_ELEMENTS (ramp), &error));
  g_assert_no_error (error);
  stored = sp_test_query_text (path, "SELECT ramp_factors FROM plan WHERE id = 1");
  g_assert_cmpstr (stored, ==, "5000,7500,10000");
  factors = sp_plan_get_ramp_factors (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (factors->len, ==, 3);
  g_assert_cmpint (g_array_index (factors, gint64, 1), ==, 7500);
  g_clear_pointer (&factors, g_array_unref);

  /* A negative factor is refused; undo brings the empty list back. */
  {
    static const gint64 bad[] = { -1 };

    g_assert_false (sp_plan_set_ramp_factors (store, 1, bad, 1, &error));
    g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_true (sp_store_undo (store, &error));
  g_assert_no_error (error);
  factors = sp_plan_get_ramp_factors (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (factors->len, ==, 0);
  g_assert_true (sp_store_check (store, &error));
  g_assert_no_error (error);

  /* The backup is the version-3 file as it was. */
  {
    g_autoptr(GDir) d = g_dir_open (backups, 0, &error);
    const char *name;
    guint n = 0;

    g_assert_no_error (error);
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *backup = g_build_filename (backups, name, NULL);
        g_autofree char *version = sp_test_query_text (backup, "PRAGMA user_version");

        g_autofree char *suffix = g_strdup_printf ("-before-v%d" SP_STORE_FILE_SUFFIX,
                                                   SP_STORE_SCHEMA_VERSION);

        g_assert_true (g_str_has_suffix (name, suffix));
        g_assert_cmpstr (version, ==, "3");
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }

  sp_test_remove_tree (dir);
}

/* A migration that fails leaves the file at its old version with its data. */
static void
test_migrations_failure_rolls_back (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  sqlite3 *db = NULL;
  g_autofree char *version = NULL;
  g_autofree char *column = NULL;

  sp_test_load_fixture ("workspace-v1.sql", path);
  /* Something already holds a name version 2 needs. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE rep_by_region (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "version 2"));

  /* Refused before anything was written: no backup either. */
  {
    g_autofree char *backups = g_build_filename (dir, "backups", NULL);

    g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  }

  version = sp_test_query_text (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "1");
  column = sp_test_query_text (path, "SELECT count(*) FROM pragma_table_info('opportunity') "
                                     "WHERE name = 'lost_reason'");
  g_assert_cmpstr (column, ==, "0");

  sp_test_remove_tree (dir);
}

/* Version 3 → 4: customers get a rep (客户归属), none for the existing ones; removing a rep
 * leaves the customer without one. */
static void
test_migrations_customer_rep (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autofree char *column = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *index = NULL;

  sp_test_load_fixture ("workspace-v1.sql", path);
  store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_store_get_schema_version (store), >=, 4);

  column = sp_test_query_text (path, "SELECT count(*) FROM pragma_table_info('customer') "
                                     "WHERE name = 'rep_id'");
  g_assert_cmpstr (column, ==, "1");
  index = sp_test_query_text (path, "SELECT count(*) FROM sqlite_schema "
                                    "WHERE type = 'index' AND name = 'customer_by_rep'");
  g_assert_cmpstr (index, ==, "1");
  customer = sp_test_query_text (path, "SELECT name || '|' || class || '|' || coalesce(rep_id, '-')"
                                       " FROM customer WHERE id = 1");
  g_assert_cmpstr (customer, ==, "上海明德贸易|strategic|-");

  g_assert_true (sp_store_begin_edit (store, "test", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (store),
                              "UPDATE customer SET rep_id = (SELECT min(id) FROM rep) WHERE id = 1;"
                              "DELETE FROM worklog_entry; DELETE FROM plan_commitment;"
                              "DELETE FROM rep_region;"
                              "UPDATE history_order SET rep_id = NULL;"
                              "DELETE FROM rep WHERE id = (SELECT min(id) FROM rep);", &error));
  g_assert_true (sp_store_commit_edit (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&customer, g_free);
  customer = sp_test_query_text (path, "SELECT coalesce(rep_id, '-') FROM customer WHERE id = 1");
  g_assert_cmpstr (customer, ==, "-");

  g_clear_object (&store);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/0-to-5", test_migrations_from_empty);
  g_test_add_func ("/migrations/1-to-5", test_migrations_v1_to_v2);
  g_test_add_func ("/migrations/3-to-5", test_migrations_v3_to_v4);
  g_test_add_func ("/migrations/failure-rolls-back", test_migrations_failure_rolls_back);
  g_test_add_func ("/migrations/team-customer-rep", test_migrations_customer_rep);

  return g_test_run ();
}
